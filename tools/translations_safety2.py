"""English for the data-safety strings of issue 15's second round (merged into TRANSLATIONS).

Empty on purpose: this round's panel message reuses strings already translated (数据库可能已损坏, the
Storage context's damaged and read-only messages); the command line's notice and the retention report
are printed in Chinese like every other CLI line. Add the English of any new marked string here.
"""

SAFETY2_TRANSLATIONS: dict[str | tuple[str, str], str] = {}
