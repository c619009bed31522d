"""Parse condition expressions into a syntax tree (no ``eval``, ever).

Grammar (see docs/format.md)::

    expr      := and ("or" and)*
    and       := unary ("and" unary)*
    unary     := "not" unary | "(" expr ")" | atom
    atom      := "party" "(" NAME ")" | "uncac_party"
               | "answered" "(" refs ")"
               | target ("=" VALUE | "in" "(" VALUE ("," VALUE)* ")")
    target    := REF | ("any" | "all") "(" refs ")"
    refs      := ref ("," ref)*
    ref       := REF (".." REF)?

``REF`` is a question identifier (``3``, ``3.a``, ``66.f.i``); ``VALUE`` an answer
code (``yes``, ``partly``, ``no``, ``na``, ``conditions``) or an option code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, Union


class ConditionSyntaxError(ValueError):
    """A condition that does not follow the grammar; ``offset`` is 0-based."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to one question, or to a range of siblings ``start..end``."""

    start: str
    end: str | None
    offset: int


@dataclass(frozen=True, slots=True)
class Compare:
    """``target = value`` / ``target in (values)``, over one or several questions."""

    quantifier: Literal["one", "any", "all"]
    refs: tuple[Ref, ...]
    values: tuple[str, ...]
    value_offsets: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Answered:
    refs: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class Party:
    instrument: str
    offset: int


@dataclass(frozen=True, slots=True)
class UncacParty:
    pass


@dataclass(frozen=True, slots=True)
class Not:
    operand: Expr


@dataclass(frozen=True, slots=True)
class All:
    operands: tuple[Expr, ...]


@dataclass(frozen=True, slots=True)
class AnyOf:
    operands: tuple[Expr, ...]


Expr = Union[Compare, Answered, Party, UncacParty, Not, All, AnyOf]

_TOKEN = re.compile(
    r"\s*(?:(?P<ref>\d+(?:\.[a-z0-9]+)*)|(?P<range>\.\.)|(?P<name>[a-z_][a-z0-9_-]*)"
    r"|(?P<punct>[(),=]))"
)
KEYWORDS = {"and", "or", "not", "in", "any", "all", "answered", "party", "uncac_party"}


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    offset: int


def _tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(source):
        if source[position:].strip() == "":
            break
        match = _TOKEN.match(source, position)
        if not match or match.end() == position:
            offset = len(source) - len(source[position:].lstrip())
            raise ConditionSyntaxError(f"unexpected character {source[offset]!r}", offset)
        kind = match.lastgroup or ""
        text = match.group(kind)
        tokens.append(_Token(kind, text, match.start(kind)))
        position = match.end()
    tokens.append(_Token("end", "", len(source)))
    return tokens


class _Parser:
    def __init__(self, source: str) -> None:
        self.tokens = _tokenize(source)
        self.index = 0

    @property
    def current(self) -> _Token:
        return self.tokens[self.index]

    def _advance(self) -> _Token:
        token = self.current
        self.index += 1
        return token

    def _is(self, text: str) -> bool:
        return self.current.text == text and self.current.kind in ("name", "punct", "range")

    def _expect(self, text: str) -> _Token:
        if not self._is(text):
            raise ConditionSyntaxError(f"expected {text!r}, found {self._describe()}", self.current.offset)
        return self._advance()

    def _describe(self) -> str:
        return "the end" if self.current.kind == "end" else repr(self.current.text)

    def parse(self) -> Expr:
        expr = self._or()
        if self.current.kind != "end":
            raise ConditionSyntaxError(f"unexpected {self._describe()}", self.current.offset)
        return expr

    def _or(self) -> Expr:
        operands = [self._and()]
        while self._is("or"):
            self._advance()
            operands.append(self._and())
        return operands[0] if len(operands) == 1 else AnyOf(tuple(operands))

    def _and(self) -> Expr:
        operands = [self._unary()]
        while self._is("and"):
            self._advance()
            operands.append(self._unary())
        return operands[0] if len(operands) == 1 else All(tuple(operands))

    def _unary(self) -> Expr:
        if self._is("not"):
            self._advance()
            return Not(self._unary())
        if self._is("("):
            self._advance()
            expr = self._or()
            self._expect(")")
            return expr
        return self._atom()

    def _atom(self) -> Expr:
        token = self.current
        if self._is("uncac_party"):
            self._advance()
            return UncacParty()
        if self._is("party"):
            self._advance()
            self._expect("(")
            name = self._advance()
            if name.kind != "name" or name.text in KEYWORDS:
                raise ConditionSyntaxError("expected a Protocol name", name.offset)
            self._expect(")")
            return Party(name.text, name.offset)
        if self._is("answered"):
            self._advance()
            return Answered(self._ref_list())
        if self._is("any") or self._is("all"):
            quantifier = self._advance().text
            refs = self._ref_list()
            return self._comparison(quantifier, refs)  # type: ignore[arg-type]
        if token.kind == "ref":
            return self._comparison("one", (self._ref(),))
        raise ConditionSyntaxError(f"expected a condition, found {self._describe()}", token.offset)

    def _ref_list(self) -> tuple[Ref, ...]:
        self._expect("(")
        refs = [self._ref()]
        while self._is(","):
            self._advance()
            refs.append(self._ref())
        self._expect(")")
        return tuple(refs)

    def _ref(self) -> Ref:
        token = self.current
        if token.kind != "ref":
            raise ConditionSyntaxError(f"expected a question number such as 3.a, found {self._describe()}", token.offset)
        self._advance()
        end = None
        if self.current.kind == "range":
            self._advance()
            if self.current.kind != "ref":
                raise ConditionSyntaxError("expected the question that ends the range", self.current.offset)
            end = self._advance().text
        return Ref(token.text, end, token.offset)

    def _comparison(self, quantifier: Literal["one", "any", "all"], refs: tuple[Ref, ...]) -> Compare:
        if self._is("="):
            self._advance()
            value = self._value()
            return Compare(quantifier, refs, (value.text,), (value.offset,))
        if self._is("in"):
            self._advance()
            self._expect("(")
            values = [self._value()]
            while self._is(","):
                self._advance()
                values.append(self._value())
            self._expect(")")
            return Compare(quantifier, refs, tuple(v.text for v in values), tuple(v.offset for v in values))
        raise ConditionSyntaxError(f"expected '=' or 'in' after the question, found {self._describe()}", self.current.offset)

    def _value(self) -> _Token:
        token = self.current
        if token.kind != "name" or token.text in KEYWORDS:
            raise ConditionSyntaxError(f"expected an answer code such as yes, found {self._describe()}", token.offset)
        return self._advance()


def parse(source: str) -> Expr:
    """Parse a condition; raises :class:`ConditionSyntaxError` with the offset."""
    if not source.strip():
        raise ConditionSyntaxError("empty condition", 0)
    return _Parser(source).parse()
