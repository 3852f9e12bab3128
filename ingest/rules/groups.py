"""Stage 4f — migrant groups: who an arrangement moves, as the sentence describes them.

A group is a people noun ("migrants", "deportees", "asylum seekers", "men") with a size ("eight men"), with
nationalities ("Venezuelan migrants", "men from Cuba and Laos"), or moved by the sentence's arrangement.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dakg.ingest.gazetteer import countries
from dakg.ingest.rules import weights as w
from dakg.ingest.rules.records import Evidence, Sentence, token_evidence
from dakg.ingest.rules.registry import rule, rule_id
from dakg.ingest.rules.syntax import is_deport_word, is_host_word, lemma
from dakg.ingest.vocabulary import lx, spelled


@dataclass(frozen=True)
class Group:
    description: str
    nationalities: tuple[str, ...]
    size: int | None
    evidence: Evidence  # the description: text[start:end] == description
    nationality_evidence: tuple[Evidence, ...]
    rule: str


def _code(token: Token) -> str | None:
    return token.ent_id_ if token.ent_id_ and countries().is_code(token.ent_id_) else None


@rule("groups", "people-described")
def groups(doc: Doc, sentence: Sentence, moved_here: bool) -> list[Group]:
    """People nouns with a size, nationalities, or moved by the sentence's arrangement (``moved_here``)."""
    found = []
    for token in sentence.span:
        word = lemma(token)
        if word not in lx.MIGRANT_NOUNS or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if word == "seeker" and not any(spelled(c) == "asylum" for c in token.children):
            continue
        if token.dep_ == "conj" and lemma(token.head) in lx.MIGRANT_NOUNS:
            continue  # "migrants, asylum seekers or deportees" is one group, described from its first noun
        if any(c.dep_ == "neg" for c in token.head.children) and token.dep_ in ("attr", "nsubj"):
            continue  # "they are not Rwandan nationals"
        size: int | None = None
        nationalities: list[Token] = []
        deported = word in lx.DEPORT_NOUNS or any(
            c.dep_ in ("acl", "amod") and is_deport_word(c) for c in token.children
        )
        left, right = token.i, token.i + 1
        for child in token.children:
            if child.dep_ in ("nummod", "quantmod") or (child.dep_ == "amod" and child.like_num):
                number = lx.words_to_number(child.text)
                if number is not None:
                    size = number
                    left = min(left, child.left_edge.i)
            elif child.dep_ in ("amod", "compound", "nmod") and child.i < token.i:
                if is_host_word(child) or is_deport_word(child):
                    continue
                if _code(child) and child.ent_type_ == "NORP":
                    nationalities.extend(c for c in child.subtree if _code(c) and c.ent_type_ == "NORP")
                left = min(left, child.left_edge.i)
            elif child.dep_ == "det" and spelled(child) in ("a", "an") and token.tag_ in ("NN", "NNP"):
                size = 1
            elif child.dep_ == "conj" and lemma(child) in lx.MIGRANT_NOUNS:
                right = max(right, child.right_edge.i + 1)
            elif child.dep_ == "prep" and spelled(child) == "from":
                if not deported:  # "deportees from the US" were deported from there: not their nationality
                    nationalities.extend(o for o in child.subtree if _code(o))
                right = max(right, child.right_edge.i + 1)
            elif child.dep_ in ("acl", "relcl") and child.right_edge.i - token.i <= 12:
                right = max(right, child.right_edge.i + 1)
        if token.dep_ == "nsubj" and lemma(token.head) in ("be", "come"):  # "the others are from Cuba, Laos"
            for child in token.head.children:
                if child.dep_ == "prep" and spelled(child) == "from":
                    nationalities.extend(o for o in child.subtree if _code(o))
        moved = token.dep_ in ("dobj", "nsubjpass", "pobj") and (
            is_host_word(token.head) or is_deport_word(token.head) or is_deport_word(token.head.head)
        )
        moved = moved or any(is_deport_word(c) for c in token.children if c.dep_ in ("acl", "relcl", "amod"))
        if size is None and not nationalities and not (moved_here and moved):
            continue
        if size is not None and size > w.MAX_PEOPLE:
            size = None
        while right - 1 > left and (doc[right - 1].is_punct or doc[right - 1].is_space):
            right -= 1
        evidence = token_evidence(doc, left, right - 1, "group")
        codes = tuple(sorted({_code(t) or "" for t in nationalities} - {""}))
        spans = tuple(token_evidence(doc, t.i, t.i, "group") for t in nationalities)
        found.append(Group(evidence.text, codes, size, evidence, spans, rule_id(groups)))
    return found
