"""National consultation: hand parts of a response to several contributors and put their answers together.

- :mod:`~engine.consultation.selection` — lists of questions (``1-4, 12.a, trafficking``);
- :mod:`~engine.consultation.assignment` — an assignment file: contributor → questions;
- :mod:`~engine.consultation.split` — one response file per contributor;
- :mod:`~engine.consultation.merge` — the parts back into one file, conflicts as findings;
- :mod:`~engine.consultation.diff` — what changed between two versions of a response;
- :mod:`~engine.consultation.records` — comparing and describing answers, shared by the above.
"""
