"""Claims benchmark: stance labels against a cue-word-only baseline, and claim grouping
(B-cubed) and status against an embedding-only agglomerative baseline.

Items live in ``benchmarks/data/claims_stance.jsonl`` (hand-annotated by us). Items from the
bundled example quote it verbatim; PolNeAR items point into ``../shared/data/polnear`` by
document id and character offsets (or annotation id), so their text never enters the repo.
Gold stance is the stance of the source toward the *un-negated* proposition of the content:
"X said there was no risk" is scored as X denying "there was risk".

    python benchmarks/claims.py [--data-dir ../shared/data] [--example-dir examples/lakeport]
    python benchmarks/claims.py --grouping-only      # just the grouping part

Grouping gold lives in ``benchmarks/data/claims_groups.jsonl``: per gold claim its status and
its reports as (file, a few words locating the span, gold stance); seed entries point into
``../shared/seeds`` by file name and a short snippet only.

PolNeAR: Newell, Margolin and Ruths, "An Attribution Relations Corpus for Political News",
LREC 2018.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from counterpoint.claims.extract import (
    Candidate,
    EntityIndex,
    _attribution_in,
    _cue_lemma,
    _lexical_stance,
    sentences,
)
from counterpoint.claims.lexicon import load_lexicon
from counterpoint.claims.stance import cue_only_stance, read_stance, relative_stance
from counterpoint.config import DEFAULT_SPACY_MODEL
from counterpoint.model import Cue
from counterpoint.nlp import load_pipeline

ROOT = Path(__file__).resolve().parent.parent
STANCES = ("asserts", "denies", "disputes", "cannot_confirm", "reports")


@dataclass(frozen=True)
class Item:
    """One annotated report: where its content and cue are, and its gold labels."""

    id: str
    text_key: str
    start: int
    end: int
    cue: tuple[int, int] | None
    voice: str
    stance: str
    split: str


def _polnear_docs(data_dir: Path) -> dict[str, dict]:
    docs: dict[str, dict] = {}
    for name in ("dev.jsonl", "train.jsonl"):
        path = data_dir / "polnear" / name
        if path.exists():
            for line in path.open(encoding="utf-8"):
                doc = json.loads(line)
                docs[doc["doc_id"]] = doc
    return docs


def _example_text(example_dir: Path, name: str) -> str:
    path = example_dir / name
    if name.endswith(".jsonl"):
        return json.loads(path.read_text("utf-8").splitlines()[0])["text"]
    return path.read_text("utf-8")


def load_items(path: Path, data_dir: Path, example_dir: Path) -> tuple[list[Item], dict[str, str]]:
    """Resolve every item to offsets in a text; returns items and the texts by key."""
    polnear = _polnear_docs(data_dir)
    texts: dict[str, str] = {}
    items = []
    for line in path.open(encoding="utf-8"):
        raw = json.loads(line)
        if raw["source"] == "polnear":
            doc = polnear[raw["doc_id"]]
            key = "polnear:" + raw["doc_id"]
            texts[key] = doc["text"]
            span, cue = raw.get("span"), raw.get("cue_span")
            if "quote_id" in raw:
                quote = next(q for q in doc["quotes"] if q["id"] == raw["quote_id"])
                span, cue = quote["quote_span"], quote["cue_span"]
        else:
            key = "example:" + raw["file"]
            text = texts.setdefault(key, _example_text(example_dir, raw["file"]))
            start = text.index(raw["content"])
            span = [start, start + len(raw["content"])]
            cue = _near(text, raw.get("cue"), start)
        items.append(Item(
            raw["id"], key, span[0], span[1], tuple(cue) if cue else None,  # type: ignore[arg-type]
            raw["voice"], raw["stance"], raw["split"],
        ))
    return items, texts


def _near(text: str, cue: str | None, anchor: int) -> list[int] | None:
    """The occurrence of the cue closest to the content."""
    if not cue:
        return None
    spots = [i for i in range(len(text)) if text.startswith(cue, i)]
    best = min(spots, key=lambda i: abs(i - anchor))
    return [best, best + len(cue)]


def predict(item: Item, doc, lex) -> tuple[str, str, str]:
    """(system stance, baseline stance, predicted voice) for one item."""
    sent = next((s for s in sentences(doc) if s.start_char <= item.start < s.end_char), None)
    ctx_start = sent.start_char if sent is not None else item.start
    ctx_end = sent.end_char if sent is not None else item.end
    cue = lemma = None
    if item.cue is not None:
        lemma = _cue_lemma(doc, Cue(item.cue[0], item.cue[1], "", "neutral"))
        cue = Cue(item.cue[0], item.cue[1], doc.text[item.cue[0]:item.cue[1]],
                  _lexical_stance(lemma or "", lex))
        ctx_start, ctx_end = min(ctx_start, item.cue[0]), max(ctx_end, item.cue[1])
    voice = "attributed" if cue is not None else _own_or_attributed(doc, sent, lex)
    cand = Candidate(
        "bench", item.start, item.end, doc.text[item.start:item.end], voice,  # type: ignore[arg-type]
        None, None, cue, lemma, ctx_start, ctx_end, (),
    )
    reading = read_stance(doc, cand, lex)
    system = relative_stance(reading.stance, reading.negated, False)
    return system, cue_only_stance(lemma, voice, lex), voice


def _own_or_attributed(doc, sent, lex) -> str:
    if sent is None:
        return "own"
    found = _attribution_in("bench", doc, sent, EntityIndex({}, {}), lex)
    return "own" if found is None else "attributed"


def _table(rows: list[tuple[Item, str, str, str]], title: str) -> list[str]:
    out = [f"\n{title} ({len(rows)} items)", f"{'stance':<16}{'n':>4}{'system':>10}{'cue-only':>10}"]
    per: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for item, system, base, _ in rows:
        per[item.stance].append((system == item.stance, base == item.stance))
    for stance in STANCES:
        hits = per.get(stance, [])
        if hits:
            sys_acc = sum(h[0] for h in hits) / len(hits)
            base_acc = sum(h[1] for h in hits) / len(hits)
            out.append(f"{stance:<16}{len(hits):>4}{sys_acc:>10.2f}{base_acc:>10.2f}")
    n = max(len(rows), 1)
    system_all = sum(r[1] == r[0].stance for r in rows) / n
    base_all = sum(r[2] == r[0].stance for r in rows) / n
    voice = sum(r[3] == r[0].voice for r in rows) / n
    out.append(f"{'all':<16}{len(rows):>4}{system_all:>10.2f}{base_all:>10.2f}")
    out.append(f"voice accuracy {voice:.2f}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--example-dir", type=Path, default=ROOT / "examples" / "lakeport")
    parser.add_argument("--items", type=Path, default=ROOT / "benchmarks" / "data" / "claims_stance.jsonl")
    parser.add_argument("--errors", action="store_true", help="list the items the system gets wrong")
    parser.add_argument("--seeds-dir", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--grouping-only", action="store_true", help="skip the stance part")
    parser.add_argument("--verbose", action="store_true", help="list grouping errors")
    args = parser.parse_args(argv)
    lines = [] if args.grouping_only else _stance_lines(args)
    lines += grouping_lines(args.seeds_dir, args.example_dir, args.verbose)
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _stance_lines(args: argparse.Namespace) -> list[str]:
    items, texts = load_items(args.items, args.data_dir, args.example_dir)
    nlp = load_pipeline(DEFAULT_SPACY_MODEL)
    keys = sorted(texts)
    docs = dict(zip(keys, nlp.pipe([texts[k] for k in keys])))
    lex = load_lexicon()
    rows = [(it, *predict(it, docs[it.text_key], lex)) for it in items]
    lines = []
    for split in ("dev", "heldout"):
        lines += _table([r for r in rows if r[0].split == split], f"split {split}")
    lines += _table(rows, "all items")
    lines.append("\ngold counts: " + str(dict(Counter(it.stance for it in items))))
    if args.errors:
        for item, system, base, _ in rows:
            if system != item.stance:
                snippet = texts[item.text_key][item.start:item.end][:90]
                lines.append(f"{item.id} gold={item.stance} system={system} base={base} | {snippet}")
    return lines


# --- grouping -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One corpus through the pipeline: articles, claims, and the file each article came from."""

    articles: list
    claims: tuple
    file_of: dict[str, str]
    items: list
    vectors: object
    docs: dict


def run_corpus(corpus: str, embedder, seeds_dir: Path = ROOT.parent / "shared" / "seeds",
               example_dir: Path = ROOT / "examples" / "lakeport") -> Run:
    """Articles of a corpus through entities, quotes and claims (as the acceptance tests do)."""
    from counterpoint.claims import build_claims
    from counterpoint.entities import resolve_entities
    from counterpoint.model import Article, make_id
    from counterpoint.nlp import parse
    from counterpoint.quotes import extract_quotes

    if corpus == "seeds":
        paths = sorted(seeds_dir.glob("*.txt"))
        articles = [
            Article(id=make_id("a", p.stem, p.read_text("utf-8")), input_id=p.stem,
                    origin=p.name, outlet=p.stem, url=None, title=None, authors=(),
                    published="2023-05-04", language="en", text=p.read_text("utf-8"))
            for p in paths
        ]
        file_of = {a.id: a.origin for a in articles}
        copies: list[list[str]] = []
    else:
        articles, file_of, copies = _example_articles(example_dir)
    nlp = load_pipeline(DEFAULT_SPACY_MODEL)
    docs = dict(zip([a.id for a in articles], parse(nlp, [a.text for a in articles])))
    entities = resolve_entities(articles, docs)
    quotes = [q for a in articles for q in extract_quotes(a, docs[a.id], entities)]
    claims, _ = build_claims(articles, docs, entities, quotes, copies, embedder)
    base = _baseline(articles, docs, entities, quotes, copies, embedder)
    return Run(articles, claims, file_of, [base], None, docs)


def _example_articles(example_dir: Path):
    from counterpoint.clean import clean_article
    from counterpoint.ingest import read_inputs
    from counterpoint.model import Article, make_id

    expected = json.loads((example_dir.parent / f"{example_dir.name}.expected.json").read_text("utf-8"))
    raws, _ = read_inputs([example_dir / f for f in expected["files"]])
    articles, file_of = [], {}
    for raw in raws:
        res = clean_article(raw)
        art = Article(id=make_id("a", raw.input_id, res.text), input_id=raw.input_id,
                      origin=raw.origin, outlet=res.outlet, url=res.url, title=res.title,
                      authors=res.authors, published=res.published, language="en", text=res.text)
        articles.append(art)
        file_of[art.id] = Path(raw.origin).name.split(":")[0]
    by_file = {f: a for a, f in file_of.items()}
    copies = [[by_file[f] for f in g if f in by_file] for g in expected["copies"]]
    return articles, file_of, copies


BASELINE_THRESHOLD = 0.60


def _baseline(articles, docs, entities, quotes, copies, embedder) -> tuple:
    """The same candidates and stance, grouped by cosine similarity alone (average-linkage
    agglomerative clustering at a fixed threshold), no frames, merges or denial moves."""
    from counterpoint.claims import build as B
    from counterpoint.claims import group as G
    from counterpoint.claims.lexicon import load_lexicon as lexicon
    from counterpoint.claims.outlets import origin_map

    items = B._items(articles, docs, entities, quotes, lexicon())
    if not items:
        return ()
    vectors = G.embed(embedder, [it.cand for it in items])
    scores = np.array(vectors @ vectors.T, dtype=np.float64)
    groups = G.group_candidates(scores, G.GroupingSettings(threshold=BASELINE_THRESHOLD))
    story_ids = [a.id for a in articles]
    origin = origin_map(story_ids, copies)
    return tuple(B._claim(items, g, scores, vectors, story_ids, origin, B.ClaimSettings())
                 for g in groups)


@dataclass(frozen=True)
class GoldReport:
    file: str
    snippet: str
    stance: str
    claim: str


def load_gold(path: Path, corpus: str) -> tuple[dict[str, dict], list[GoldReport], list[tuple[str, str]]]:
    """Gold claims (by id), their reports, and the not-a-claim snippets of one corpus."""
    claims, reports, not_claims = {}, [], []
    for line in path.open(encoding="utf-8"):
        raw = json.loads(line)
        if raw["corpus"] != corpus:
            continue
        if raw.get("kind") == "not_claim":
            not_claims.append((raw["file"], raw["text"]))
            continue
        claims[raw["id"]] = raw
        reports += [GoldReport(r[0], r[1], r[2], raw["id"]) for r in raw["reports"]]
    return claims, reports, not_claims


def _locate(run: Run, file: str, snippet: str) -> tuple[str, int, int] | None:
    for art in run.articles:
        if run.file_of[art.id] == file and snippet in art.text:
            start = art.text.index(snippet)
            return art.id, start, start + len(snippet)
    return None


def _match(run: Run, claims: tuple, gold: list[GoldReport]) -> dict[int, tuple[int, object]]:
    """Gold report index -> (system claim index, system report) with the largest overlap."""
    out = {}
    for gi, g in enumerate(gold):
        spot = _locate(run, g.file, g.snippet)
        if spot is None:
            raise SystemExit(f"gold snippet not found: {g.file}: {g.snippet!r}")
        aid, s, e = spot
        best, best_ov = None, 0
        for ci, c in enumerate(claims):
            for r in c.reports:
                ov = min(e, r.end) - max(s, r.start) if r.article_id == aid else 0
                if ov > best_ov:
                    best, best_ov = (ci, r), ov
        if best is not None:
            out[gi] = best
    return out


def bcubed(gold_of: dict[int, str], sys_of: dict[int, int]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over the items both labelings cover."""
    items = [i for i in gold_of if i in sys_of]
    if not items:
        return 0.0, 0.0, 0.0
    p = r = 0.0
    for i in items:
        same_sys = {j for j in items if sys_of[j] == sys_of[i]}
        same_gold = {j for j in items if gold_of[j] == gold_of[i]}
        both = len(same_sys & same_gold)
        p += both / len(same_sys)
        r += both / len(same_gold)
    p, r = p / len(items), r / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_grouping(run: Run, claims: tuple, gold_claims: dict, gold: list[GoldReport],
                   not_claims: list[tuple[str, str]], verbose: bool = False) -> tuple[dict, list[str]]:
    matched = _match(run, claims, gold)
    gold_of = {i: gold[i].claim for i in matched}
    sys_of = {i: matched[i][0] for i in matched}
    p, r, f = bcubed(gold_of, sys_of)
    # the same over every gold report, an unextracted one counting as a claim of its own
    all_sys = {i: sys_of.get(i, -1 - i) for i in range(len(gold))}
    _, _, f_all = bcubed({i: g.claim for i, g in enumerate(gold)}, all_sys)
    notes = []
    right = 0
    for cid, gc in gold_claims.items():
        mine = [sys_of[i] for i, g in enumerate(gold) if g.claim == cid and i in sys_of]
        status = None
        if mine:
            # most of the gold claim's reports; ties go to the larger claim, then the first
            top = max(sorted(set(mine)), key=lambda c: (mine.count(c), len(claims[c].reports), -c))
            status = claims[top].status
        right += status == gc["status"]
        if verbose:
            notes.append(f"  {cid:<14} gold={gc['status']:<13} ours={status}  claims={sorted(set(mine))}")
    stance_ok = sum(matched[i][1].stance == gold[i].stance for i in matched)
    kept = 0
    for file, snip in not_claims:
        spot = _locate(run, file, snip)
        if spot and any(r.article_id == spot[0] and r.start < spot[2] and spot[1] < r.end
                        for c in claims for r in c.reports):
            kept += 1
            if verbose:
                notes.append(f"  not-a-claim kept: {snip!r}")
    if verbose:
        for i, g in enumerate(gold):
            if i in matched and matched[i][1].stance != g.stance:
                notes.append(f"  stance {g.claim}: gold={g.stance} ours={matched[i][1].stance} | {g.snippet}")
    return {
        "P": p, "R": r, "F1": f, "F1_all": f_all, "matched": len(matched), "gold": len(gold),
        "status": right / max(len(gold_claims), 1), "n_claims": len(gold_claims),
        "stance": stance_ok / max(len(matched), 1), "not_claims_kept": kept,
        "not_claims": len(not_claims), "claims_out": len(claims),
    }, notes


def grouping_lines(seeds_dir: Path, example_dir: Path, verbose: bool = False) -> list[str]:
    """B-cubed grouping, status and stance over gold claims, ours beside the baseline."""
    from counterpoint.embeddings import load_embedder

    embedder = load_embedder("all-MiniLM-L6-v2")
    path = ROOT / "benchmarks" / "data" / "claims_groups.jsonl"
    lines = ["\nclaim grouping (B-cubed over system reports matched to gold reports; F1all over"
             " all gold reports, an unextracted one counted as a claim of its own)",
             f"{'corpus':<22}{'method':<10}{'P':>6}{'R':>6}{'F1':>6}{'F1all':>7}{'status':>8}"
             f"{'stance':>8}{'matched':>9}{'non-claims kept':>17}{'claims':>8}"]
    for corpus, split in (("seeds", "dev"), ("example", "heldout")):
        run = run_corpus(corpus, embedder, seeds_dir, example_dir)
        gold_claims, gold, not_claims = load_gold(path, corpus)
        for name, claims in (("ours", run.claims), ("baseline", run.items[0])):
            m, notes = score_grouping(run, claims, gold_claims, gold, not_claims, verbose and name == "ours")
            lines.append(
                f"{corpus + ' (' + split + ')':<22}{name:<10}{m['P']:>6.2f}{m['R']:>6.2f}{m['F1']:>6.2f}"
                f"{m['F1_all']:>7.2f}"
                f"{m['status']:>8.2f}{m['stance']:>8.2f}{m['matched']:>5}/{m['gold']:<3}"
                f"{m['not_claims_kept']:>13}/{m['not_claims']:<3}{m['claims_out']:>8}"
            )
            lines += notes
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
