"""The terminal UI (``untoc fill``): fill a response file question by question.

It consumes the engine (definition, conditions, responses, validation); the engine
never imports it.
"""

import os

# Textual paints at most TEXTUAL_FPS frames a second, and only when something changed: at 120 a key's
# effect reaches the screen up to 8 ms sooner than at Textual's default 60 (see docs/benchmarks.md).
# Set before Textual is imported; a value the user set wins.
os.environ.setdefault("TEXTUAL_FPS", "120")
