"""``python -m engine.definition.check FILE…``: load questionnaire files and report problems."""

from __future__ import annotations

import sys
from pathlib import Path

from engine.definition import registry
from engine.definition.loader import DefinitionError, load_questionnaire


def check(paths: list[Path]) -> int:
    """Print ``file:line:column: message`` per problem; 0 when all load, 2 otherwise."""
    status = 0
    for path in paths:
        try:
            definition = load_questionnaire(path, registry.shared_lists())
        except DefinitionError as error:
            for problem in error.problems:
                print(problem)
            status = 2
            continue
        tops = sum(1 for _ in definition.top_level())
        print(f"{path}: ok ({tops} questions, {len(definition.entries)} items)")
    return status


if __name__ == "__main__":
    sys.exit(check([Path(p) for p in sys.argv[1:]]))
