"""MARC 21, UNIMARC and RUSMARC: reading ISO 2709 and MARCXML files into ImportItems,
and writing catalogue records as MARC 21.

``readers`` is the way in (``read_iso2709``, ``read_marcxml``); ``iso2709`` cuts and
decodes records, ``marcxml`` converts between MARCXML elements and pymarc records,
``mapping`` turns a record into catalogue fields, ``writing`` goes the other way, and
``codes`` holds the code tables both directions share."""
