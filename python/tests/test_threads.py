"""Converting in threads gives the same answers as converting in one (the
GIL is released while converting; the speed-up is measured by
python/bench/bench.py, not asserted here)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import un2akn
from conftest import documents, identity


def test_threads_give_the_same_bytes_as_one():
    texts = [(p.read_bytes(), identity(p)) for p in documents()] * 4
    sequential = [un2akn.convert(t, **kw).xml for t, kw in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda job: un2akn.convert(job[0], **job[1]).xml, texts))
    assert threaded == sequential
    with ThreadPoolExecutor(max_workers=4) as pool:
        checked = list(pool.map(un2akn.validate, threaded))
    assert checked == [[]] * len(texts)
