"""Reading numbers from a query string: a value nobody could mean is ignored, never an error."""

#: What a database column of 64-bit integers can hold.
DATABASE_INTEGERS = range(-(2**63), 2**63)


def whole_number(value: str | None, within: range = DATABASE_INTEGERS) -> int | None:
    """``value`` as a whole number in ``within``, else None."""
    try:
        number = int(value or "")
    except ValueError:  # not a number, or more digits than Python converts
        return None
    return number if number in within else None
