"""Speakers named by layout rather than by a verb: a transcript's 'RUIZ: ...', a headline's 'Ana Ruiz: ...' or
'Said Ruiz: ...', and the title-case headline in which a verb is capitalised too ('Ruiz Vows To Reopen Pier')."""
from __future__ import annotations

import re

from factcheck.extract.phrases import DETERMINERS

LABEL = re.compile(r"\s*(?:[\u201c\"]|'')?\s*([A-Z][A-Z.'\u2019-]{2,}(?:\s+[A-Z][A-Z.'\u2019-]+){0,2}):\s+(?=\S)")
NOT_LABELS = {"UPDATE", "UPDATED", "NOTE", "WATCH", "READ", "READ MORE", "EDITOR'S NOTE", "EDITOR\u2019S NOTE", "PHOTO",
              "PHOTOS", "VIDEO", "BREAKING", "CORRECTION", "CLARIFICATION", "RELATED", "SOURCE", "SOURCES", "ALSO",
              "LISTEN", "MORE", "WARNING", "SPOILER", "EXCLUSIVE", "ANALYSIS", "OPINION", "QUESTION", "ANSWER", "TOPLINE",
              "BACKGROUND", "CONTEXT", "WHAT", "WHY", "HOW", "WHEN", "WHERE", "WHO", "FACT", "FACTS", "TRANSCRIPT"}
NAME_LABEL = re.compile(r"\s*(?:[\u201c\"]|'')?\s*([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2}):\s+(?=\S)")
LABEL_NOUNS = {"Update", "Note", "Email", "Guide", "Latest", "Question", "Answer", "Remember", "Name", "Age", "City", "Job",
               "Pay", "Pledged", "Photo", "Photos", "Video", "Source", "Sources", "Credit", "Caption", "Summary", "Timeline",
               "Transcript", "Background", "Context", "Correction", "Disclosure", "Notice", "Tags", "Topics", "Read",
               "Watch", "Listen", "More", "Related", "Also", "Advertisement", "Contact", "Published", "Updated", "Posted"}
TITLE_CASE_SMALL = {"Over", "In", "On", "For", "Of", "To", "With", "At", "From", "By", "After", "About", "Against", "And",
                    "Or", "But", "The", "A", "An", "Is", "Are", "Was", "Vs", "Into", "Under", "Up", "Out", "Not", "No"}
CALENDAR = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
            "April", "May", "June", "July", "August", "September", "October", "November", "December", "Today"}


def speaker_label(unit: str) -> tuple[int, int, int] | None:
    """(source start, source end, content start) of 'RUIZ: We sail at dawn' (a transcript), 'Ana Ruiz: Ferries Will
    Sail' (a headline's speaker) or 'Said Ruiz: ...'."""
    m = LABEL.match(unit)
    if m:
        return None if m.group(1).rstrip(".") in NOT_LABELS else (m.start(1), m.end(1), m.end())
    m = NAME_LABEL.match(unit)
    if not m:
        return None
    words = m.group(1).split()
    rest = unit[m.end():]
    if (m.group(1).upper().rstrip(".") in NOT_LABELS or words[0].lower() in DETERMINERS or words[-1] in LABEL_NOUNS
            or any(re.search(r"['\u2019]s$", w) or w in CALENDAR or w in TITLE_CASE_SMALL for w in words[1:])
            or words[0] in CALENDAR or len(rest.split()) < 3 or rest.count(",") >= 4):
        return None  # 'The Latest: ...', 'Editor's Note: ...', 'Iowa: Ana Ruiz, Bo Lee, ...', 'Calm Over Chaos: ...'
    if words[0].lower() in ("said", "says", "asked", "added", "wrote") and len(words) > 1:
        return m.start(1) + len(words[0]) + 1, m.end(1), m.end()
    return m.start(1), m.end(1), m.end()


def title_case(unit: str) -> bool:
    """A headline written in title case, where a verb is capitalised too ('Ruiz Vows To Reopen Pier')."""
    long = [w for w in re.findall(r"[A-Za-z][\w'\u2019-]*", unit) if len(w) >= 4]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.8 * len(long)
