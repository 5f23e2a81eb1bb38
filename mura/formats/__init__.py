"""Date and number formats for languages whose Django locale has none (Kazakh)."""
