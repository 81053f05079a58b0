"""Exact and near copies of a document (a wire story syndicated under another headline).

Texts are compared by their words, lower-cased, without punctuation or layout. Exact
copies have the same words; near copies share most of their five-word shingles
(Jaccard similarity estimated with MinHash, candidates found with LSH: ``datasketch``).
Every copy is linked to the *first* document that has the text, never to another copy.

>>> story = " ".join(f"Sentence {n} of the wire story says that talks went on." for n in range(20))
>>> copies = CopyFinder()
>>> copies.first_copy("a", "Talks go on\\n" + story), copies.first_copy("b", "TALKS GO ON " + story)
(None, 'a')
>>> copies.first_copy("c", "Another headline\\n" + story + " A paragraph the paper added.")
'a'
>>> copies.first_copy("d", "Something else entirely, at some length. " * 20) is None
True
"""

from __future__ import annotations

import hashlib
import re

SHINGLE = 5
THRESHOLD = 0.8  # estimated Jaccard similarity of the shingle sets
NUM_PERM = 128
MIN_WORDS = 50  # shorter texts are compared for exact copies only


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


class CopyFinder:
    """Remembers the documents seen so far and tells which one a new text copies."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        from datasketch import MinHashLSH

        self.threshold, self.num_perm = threshold, num_perm
        self.exact: dict[str, str] = {}  # hash of the words -> first document
        self.first: dict[str, str] = {}  # document -> the first document with its text
        self.order: dict[str, int] = {}
        self.signatures: dict[str, object] = {}
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)

    def first_copy(self, doc_id: str, text: str) -> str | None:
        """The id of the first document ``text`` copies, or None; then remembers it."""
        tokens = words(text)
        key = hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest()
        found = self.exact.get(key)
        signature = self._signature(tokens) if len(tokens) >= MIN_WORDS else None
        if found is None and signature is not None:
            found = self._nearest(signature)
        self.exact.setdefault(key, doc_id)
        self.order[doc_id] = len(self.order)
        self.first[doc_id] = self.first.get(found, found) if found else doc_id
        if signature is not None and doc_id not in self.signatures:
            self.signatures[doc_id] = signature
            self.lsh.insert(doc_id, signature)
        return self.first[doc_id] if found else None

    def _signature(self, tokens: list[str]):
        from datasketch import MinHash

        shingles = {" ".join(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1))}
        signature = MinHash(num_perm=self.num_perm, seed=1)
        signature.update_batch([s.encode("utf-8") for s in shingles])
        return signature

    def _nearest(self, signature) -> str | None:
        """The earliest document whose text is near enough to ``signature``."""
        close = [doc for doc in self.lsh.query(signature)
                 if signature.jaccard(self.signatures[doc]) >= self.threshold]
        firsts = {self.first[doc] for doc in close}
        return min(firsts, key=self.order.__getitem__) if firsts else None
