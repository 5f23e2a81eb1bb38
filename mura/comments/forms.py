from django import forms
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from mura.comments.captcha import ImageCaptchaField, QuestionField


class CommentForm(forms.Form):
    """A reader's comment. The picture code or the question proves a person wrote it; the
    `website` field is a honeypot: hidden from people, filled in by naive robots."""

    name = forms.CharField(label=pgettext_lazy("person", "Name"), max_length=100)
    email = forms.EmailField(
        label=_("Your e-mail"), help_text=_("Only the moderators see it.")
    )
    body = forms.CharField(
        label=_("Comment"), max_length=3000, widget=forms.Textarea(attrs={"rows": 5})
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    captcha = ImageCaptchaField(label=_("Code from the picture"), required=False)
    question = QuestionField(label=_("Question instead of the picture"), required=False)

    def __init__(self, *args, question: tuple[str, str] | None = None, **kwargs):
        """``question``: the key and text of a question the view gave this reader."""
        super().__init__(*args, **kwargs)
        self.offer_question(question)
        for name in ("name", "email", "body"):
            self.fields[name].widget.attrs["required"] = True
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["website"].widget.attrs.update(
            {"autocomplete": "off", "tabindex": "-1"}
        )
        # A reader who typed the picture's code is judged by it alone.
        if self.is_bound and self.data.get(self.add_prefix("captcha_1"), "").strip():
            self.fields["question"].disabled = True

    def offer_question(self, question: tuple[str, str] | None) -> None:
        """Show this question (key and text) instead of the picture; None shows the
        button that asks for one."""
        self.question_offered = question is not None
        if question is not None:
            self.fields["question"].widget.question = question

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise forms.ValidationError(gettext("Write a comment."))
        return body

    def clean(self):
        cleaned = super().clean()
        picture = self.data.get(self.add_prefix("captcha_1"), "").strip()
        if (
            not picture
            and not cleaned.get("question")
            and "question" not in self.errors
        ):
            self.add_error(
                "captcha",
                gettext(
                    "Type the code from the picture. If you cannot see it, ask for a question instead."
                ),
            )
        return cleaned

    @property
    def answers_question(self) -> bool:
        """The reader answered a question rather than typing the picture's code."""
        return bool(
            self.data.get(self.add_prefix("question_1"), "").strip()
            and not self.data.get(self.add_prefix("captcha_1"), "").strip()
        )

    @property
    def is_spam_trap_filled(self) -> bool:
        return bool(self.data.get(self.add_prefix("website"), "").strip())
