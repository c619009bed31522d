"""Safe writing of response files and everything written beside them: the one atomic writer.

It lives in :mod:`engine.fsutil`, below every layer, so that the definition cache writes through it
too; it is named here as well because this is where the response layer's users look for it.
"""

from __future__ import annotations

from engine.fsutil import write_atomic

__all__ = ["write_atomic"]
