"""The pipeline is safe to run on several threads (Dask thread workers, the API's threadpool):
the same documents analysed concurrently give exactly the sequential result."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from rasd import Config, Pipeline
from rasd.doc import Document, Meta

SAMPLES = sorted((Path(__file__).resolve().parents[1] / "samples").glob("*.txt"))[:24]


def _analyse(pipe: Pipeline, text: str) -> dict:
    return pipe(Document(text, Meta(published="2023-06-01"))).to_dict()


def test_threads_give_the_sequential_result():
    pipe = Pipeline(Config())
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES]
    expected = [_analyse(pipe, t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as ex:
        got = list(ex.map(lambda t: _analyse(pipe, t), texts * 2))
    assert got == expected * 2
