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

A document's :func:`fingerprint` (kept in the store) lets a later build find copies of
the documents stored earlier:

>>> later = CopyFinder()
>>> later.remember("a", fingerprint("Talks go on\\n" + story))
>>> later.first_copy("e", "Talks go on: " + story)
'a'
"""

from __future__ import annotations

import base64
import hashlib
import re

SHINGLE = 5
THRESHOLD = 0.8  # estimated Jaccard similarity of the shingle sets
NUM_PERM = 128
LSH_BANDS = (9, 13)  # datasketch's optimal (bands, rows) for THRESHOLD and NUM_PERM, computed once (a test checks it)
MIN_WORDS = 50  # shorter texts are compared for exact copies only
SCHEME = "affine32"  # datasketch's hashing scheme: fixed, so that stored fingerprints stay comparable


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def exact_key(tokens: list[str]) -> str:
    return hashlib.sha1(" ".join(tokens).encode("utf-8")).hexdigest()[:20]


def signature(tokens: list[str]):
    """The MinHash of the text's five-word shingles, or None for a short text."""
    from datasketch import MinHash

    if len(tokens) < MIN_WORDS:
        return None
    shingles = {" ".join(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}
    minhash = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


def fingerprint(text: str) -> str:
    """``<hash of the words>`` plus ``:<MinHash, base64>`` for a text long enough to compare."""
    import numpy as np

    tokens = words(text)
    minhash = signature(tokens)
    if minhash is None:
        return exact_key(tokens)
    values = np.asarray(minhash.hashvalues, dtype="<u4").tobytes()
    return f"{exact_key(tokens)}:{base64.b64encode(values).decode('ascii')}"


def _from_fingerprint(value: str):
    """(exact key, MinHash or None) of a :func:`fingerprint`."""
    import numpy as np
    from datasketch import MinHash

    key, _, encoded = value.partition(":")
    if not encoded:
        return key, None
    values = np.frombuffer(base64.b64decode(encoded), dtype="<u4").astype(np.uint64)
    if len(values) != NUM_PERM:
        return key, None
    return key, MinHash(num_perm=NUM_PERM, seed=1, hashvalues=values, scheme=SCHEME)


class CopyFinder:
    """Remembers the documents seen so far and tells which one a new text copies."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.exact: dict[str, list[str]] = {}  # hash of the words -> documents with them
        self.first: dict[str, str] = {}  # document -> the first document with its text
        self.order: dict[str, int] = {}
        self.signatures: dict[str, object] = {}
        bands = {"params": LSH_BANDS} if threshold == THRESHOLD else {}  # its search for them takes 0.7 s
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, **bands)

    def remember(self, doc_id: str, value: str, first: str | None = None) -> None:
        """Add a document seen earlier (say in the store) by its fingerprint; ``first`` is
        the document it copies, if any."""
        key, minhash = _from_fingerprint(value)
        self._add(doc_id, key, minhash, first or doc_id)

    def first_copy(self, doc_id: str, text: str) -> str | None:
        """The id of the first document ``text`` copies, or None; then remembers it.

        A document given again (the same id) is never a copy of itself.
        """
        tokens = words(text)
        key, minhash = exact_key(tokens), signature(tokens)
        candidates = set(self.exact.get(key, []))
        if not candidates and minhash is not None:
            candidates = {doc for doc in self.lsh.query(minhash)
                          if minhash.jaccard(self.signatures[doc]) >= self.threshold}
        firsts = {self.first[doc] for doc in candidates} - {doc_id}
        found = min(firsts, key=self.order.__getitem__) if firsts else None
        self._add(doc_id, key, minhash, found or doc_id)
        return found

    def _add(self, doc_id: str, key: str, minhash, first: str) -> None:
        if doc_id in self.order:  # the same document again: forget its old text, keep its place
            self._forget(doc_id)
        else:
            self.order[doc_id] = len(self.order)
        self.order.setdefault(first, self.order[doc_id])
        self.exact.setdefault(key, []).append(doc_id)
        self.first[doc_id] = first
        if minhash is not None:
            self.signatures[doc_id] = minhash
            self.lsh.insert(doc_id, minhash)

    def _forget(self, doc_id: str) -> None:
        for docs in self.exact.values():
            if doc_id in docs:
                docs.remove(doc_id)
        if doc_id in self.signatures:
            self.lsh.remove(doc_id)
            del self.signatures[doc_id]
