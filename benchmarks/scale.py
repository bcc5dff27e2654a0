"""How claimcheck scales: N generated articles across N/10 stories.

    python benchmarks/scale.py [--sizes 100 1000] [--workers 2] [--warm] [--baseline]
                               [--engine dask] [--keep DIR]

Each size is written once to benchmarks/.cache/scale/<N>/ by ``generate``: stories of ten
articles each, every story an invented event (an earthquake, a flood, a strike…) in a city, on a
day, with invented officials, agencies and quotations. A story's articles are paraphrases built
from several templates per sentence, wire copies of its first article (the same body under
another title and byline), and, in every third story, one article that states another death
toll: a planted disagreement whose gold (the story's sources and the two figures) is written to
gold.json beside the articles.

For each size it runs ``claimcheck run --json`` in a fresh process (cold: no parse cache) and
reports wall seconds, articles/s, MB/s and the peak memory of that process; with ``--warm`` it
then adds five new articles and runs again with the cache filled by the first run. It checks
that every planted disagreement is reported as a conflicting number claim naming both figures.
With ``--baseline`` it also times all-pairs matching (every mention of a kind against every other,
stories ignored: the matching of releases before stories) on the same mentions, in process.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CACHE = ROOT / "benchmarks" / ".cache" / "scale"
PER_STORY = 10

# Real cities, so that venues resolve in the gazetteer; everything else is invented.
CITIES = (
    "Lyon", "Porto", "Gdansk", "Brno", "Graz", "Bergen", "Turku", "Aarhus", "Ghent", "Utrecht",
    "Bilbao", "Seville", "Naples", "Bologna", "Split", "Varna", "Cluj-Napoca", "Kaunas", "Tartu",
    "Lviv", "Izmir", "Tabriz", "Multan", "Nagpur", "Surat", "Madurai", "Chittagong", "Mandalay",
    "Da Nang", "Cebu City", "Davao City", "Surabaya", "Medan", "Makassar", "Kaohsiung", "Sendai",
    "Busan", "Daegu", "Harbin", "Kunming", "Lanzhou", "Darwin", "Hobart", "Dunedin", "Suva",
    "Mombasa", "Kisumu", "Arusha", "Mwanza", "Kumasi", "Ibadan", "Kano", "Enugu", "Bamako",
    "Dakar", "Oran", "Sfax", "Fez", "Aswan", "Bulawayo", "Beira", "Lubumbashi", "Windhoek",
    "Durban", "Recife", "Fortaleza", "Manaus", "Belem", "Cordoba", "Rosario", "Mendoza",
    "Valparaiso", "Arequipa", "Cusco", "Cali", "Medellin", "Maracaibo", "Guayaquil", "Leon",
    "Monterrey", "Tijuana", "Merida", "Halifax", "Winnipeg", "Calgary", "Tucson", "Omaha",
    "Boise", "Tulsa", "Memphis",
)

EVENTS = (
    ("earthquake", "quake", "struck", "rescuers searched the rubble"),
    ("flood", "flooding", "swept through", "boats ferried residents to higher ground"),
    ("landslide", "mudslide", "buried homes in", "crews dug through the mud"),
    ("factory fire", "blaze", "tore through a factory in", "firefighters fought the flames"),
    ("bridge collapse", "collapse", "brought down a bridge in", "divers searched the river"),
    ("train derailment", "derailment", "derailed outside", "cranes lifted the carriages"),
    ("storm", "cyclone", "battered", "power crews restored lines"),
    ("gas explosion", "blast", "ripped through a block in", "neighbours pulled survivors out"),
    ("ferry sinking", "sinking", "capsized off", "coastguard boats scoured the water"),
    ("stadium crush", "crush", "turned deadly in", "medics treated the injured on the pitch"),
)
SYLLABLES = ("ka", "ren", "dor", "mi", "lo", "sa", "vet", "ul", "bri", "tan", "oz", "fe", "gru", "nel", "pa", "ris", "tho", "ve", "yan", "zel")
VERBS = ("reach", "help", "shelter", "feed", "find", "protect", "support", "rebuild")
NOUNS = ("families", "villages", "survivors", "children", "workers", "neighbourhoods", "farms", "schools")
CLOSERS = ("before nightfall", "in the coming days", "as fast as we can", "whatever it takes", "without delay", "with every crew we have")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
OUTLETS = ("Daily Courier", "Morning Ledger", "Evening Standardbearer", "Coast Herald", "Valley Times", "City Gazette", "Northern Post", "Capital Wire")


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def _story(k: int, rng: random.Random) -> dict[str, object]:
    event = EVENTS[k % len(EVENTS)]
    city = CITIES[(k * 7 + k // len(CITIES)) % len(CITIES)]
    day = 1 + (k * 11) % 300
    year_day = time.strptime(f"2024 {day}", "%Y %j")
    return {
        "event": event,
        "city": city,
        "weekday": WEEKDAYS[year_day.tm_wday],
        "date": f"{MONTHS[year_day.tm_mon - 1]} {year_day.tm_mday}, 2024",
        "iso": time.strftime("%Y-%m-%d", year_day),
        "dead": rng.randint(5, 90),
        "hurt": rng.randint(100, 900),
        "homeless": rng.randint(2, 40) * 100,
        "cost": rng.randint(3, 95),
        "official": _name(rng),
        "agency": f"{_name(rng).split()[0]} Civil Protection Agency",
        "district": f"{_name(rng).split()[1]} district",
        "quote": f"We will {rng.choice(VERBS)} the {rng.choice(NOUNS)} of {city} {rng.choice(CLOSERS)}",
        "second_quote": f"Nobody in the {rng.choice(NOUNS)} will be left to {rng.choice(VERBS)} alone",
        "volunteer": _name(rng),
        "population": rng.randint(20, 400) * 1000,
        "previous": rng.randint(1950, 2015),
        "previous_dead": rng.randint(5, 300),
        "teams": rng.randint(3, 40),
        "tonnes": rng.randint(10, 500),
        "reopened": rng.choice(WEEKDAYS),
    }


def _article(story: dict[str, object], variant: int, dead: object, rng: random.Random) -> tuple[str, str]:
    """The title and body of one article of ``story``, in paraphrase ``variant``."""
    event, short, verb, scene = story["event"]  # type: ignore[misc]
    s = story
    a = "An" if event[0] in "aeiou" else "A"
    leads = (
        f"{a} {event} {verb} {s['city']} on {s['weekday']}, killing {dead} people and injuring {s['hurt']}, officials said.",
        f"At least {dead} people were killed when {a.lower()} {event} {verb} {s['city']} on {s['weekday']}, the {s['agency']} said.",
        f"The death toll from {s['weekday']}'s {event} in {s['city']} stood at {dead}, with {s['hurt']} people hurt.",
    )
    homes = (
        f"About {s['homeless']} people were left homeless in the {s['district']}.",
        f"The {short} left roughly {s['homeless']} residents of the {s['district']} without homes.",
    )
    costs = (
        f"Early estimates put the damage at ${s['cost']} million.",
        f"Officials estimated the losses at ${s['cost']} million.",
    )
    quotes = (
        f'"{s["quote"]}," said {s["official"]}, who heads the {s["agency"]}.',
        f'{s["official"]}, head of the {s["agency"]}, told reporters: "{s["quote"]}."',
    )
    color = (
        f"Overnight, {scene} as relatives waited outside the hospital in the {s['district']}.",
        f"Through the night {scene}, and volunteers brought food to the {s['district']}.",
        f"Residents described the {short} as the worst the {s['district']} had seen in decades.",
    )
    extra = (
        f'"{s["second_quote"]}," said {s["volunteer"]}, a volunteer coordinator.',
        f"{s['volunteer']}, who coordinates volunteers, said aid had begun to arrive from neighbouring towns.",
    )
    background = (
        f"The {s['district']} is home to about {s['population']:,} people, many of them in older buildings.",
        f"It was the deadliest {event} in the region since {s['previous']}, when {s['previous_dead']} people died.",
        f"The national government said it had sent {s['teams']} rescue teams and {s['tonnes']} tonnes of supplies.",
        f"Hospitals in {s['city']} said they had treated patients through the night and appealed for blood donors.",
        f"The {s['agency']} said roads into the {s['district']} had reopened by {s['reopened']}.",
        "Aid groups warned that damaged water pipes could spread disease in the coming weeks.",
        "Insurers said claims would take months to settle, and several businesses said they would not reopen.",
    )
    title = (f"{dead} dead after {event} hits {s['city']}", f"{event.capitalize()} in {s['city']} kills {dead}", f"{s['city']} counts the cost of {short}")[variant % 3]
    paragraphs = [
        leads[variant % 3],
        homes[variant % 2],
        quotes[(variant // 2) % 2],
        color[variant % 3],
        costs[(variant + 1) % 2],
        extra[variant % 2],
    ]
    if rng.random() < 0.5:
        paragraphs.insert(3, "Schools and offices stayed closed while engineers inspected buildings.")
    for line in rng.sample(background, 4):
        paragraphs.insert(rng.randint(2, len(paragraphs)), line)
    return title, "\n\n".join(paragraphs)


def generate(n: int, folder: Path, *, seed: int = 11, first: int = 0) -> list[dict[str, object]]:
    """Write ``n`` articles (numbered from ``first``) to ``folder``; the planted disagreements."""
    folder.mkdir(parents=True, exist_ok=True)
    gold = []
    for k in range(first // PER_STORY, math.ceil((first + n) / PER_STORY)):
        rng = random.Random(seed * 1_000_003 + k)
        story = _story(k, rng)
        planted = k % 3 == 0
        wrong = int(story["dead"]) + 3  # type: ignore[call-overload]
        body0 = ""
        for a in range(PER_STORY):
            number = k * PER_STORY + a
            if not first <= number < first + n:
                continue
            outlet = OUTLETS[(k + a) % len(OUTLETS)]
            byline = f"By {_name(rng)}, {outlet}"
            if a in (1, 4):  # wire copies of the story's first article
                title, body = f"{story['city']}: latest on the {story['event'][0]}", body0  # type: ignore[index]
            else:
                dead = wrong if planted and a == 7 else story["dead"]
                title, body = _article(story, a, dead, rng)
                if a == 0:
                    body0 = body
            name = f"{number:05d}_s{k:04d}_{outlet.split()[0].lower()}"
            text = f"{title}\n\n{byline}\n\n{story['date']}\n\n{str(story['city']).upper()} - {body}\n"
            (folder / f"{name}.txt").write_text(text, encoding="utf-8")
            if planted and a == 7:
                gold.append({"story": k, "source": name, "values": [str(story["dead"]), str(wrong)]})
    return gold


def corpus(n: int) -> tuple[Path, list[dict[str, object]]]:
    folder = CACHE / str(n)
    gold_path = CACHE / f"{n}.gold.json"
    if not (folder.is_dir() and gold_path.exists() and len(list(folder.iterdir())) == n):
        shutil.rmtree(folder, ignore_errors=True)
        gold_path.parent.mkdir(parents=True, exist_ok=True)
        gold_path.write_text(json.dumps(generate(n, folder)), encoding="utf-8")
    return folder, json.loads(gold_path.read_text(encoding="utf-8"))


def found_disagreements(report: dict[str, object], gold: list[dict[str, object]]) -> int:
    """How many planted disagreements the report shows as a conflicting number claim that
    names the planted article and both figures."""
    conflicts = [
        c for c in report["claims"]  # type: ignore[attr-defined]
        if c["status"] == "conflicting" and c["kind"] == "number"
    ]
    found = 0
    for plant in gold:
        for claim in conflicts:
            values = {g["value"] for g in claim["values"]}
            if plant["source"] in claim["sources"] and set(plant["values"]) <= values:  # type: ignore[operator]
                found += 1
                break
    return found


def run(paths: list[str], args: argparse.Namespace, cache: str | None) -> tuple[float, float, float, dict[str, object]]:
    """Wall seconds, CPU seconds, peak MB and the JSON report of one `claimcheck run` in a fresh
    process (CPU seconds: its own and its workers'; they say more than wall time on a shared
    machine)."""
    command = [sys.executable, "-m", "claimcheck", "run", *paths, "--json", "-q"]
    if args.workers is not None:
        command += ["-j", str(args.workers)]
    if cache:
        command += ["--cache", cache]
    if args.engine == "dask":
        command += ["--engine", "dask", "--scheduler", args.scheduler]
    # A private user cache, so the gazetteer index is built once (by the warm-up in main), not
    # rebuilt whenever other claimcheck versions on the machine replace it.
    environment = {**os.environ, "XDG_CACHE_HOME": str(CACHE / "xdg")}
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, env=environment)
        # wait4, not Popen.wait: the child's own peak memory (its workers' are not added).
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode:
            raise SystemExit(f"claimcheck run failed with {process.returncode}")
        out.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return seconds, cpu, usage.ru_maxrss / 1024, json.loads(out.read())


def baseline(folder: Path) -> float:
    """Seconds to match every mention of a kind against every other, stories ignored (the
    articles are read first, untimed)."""
    from claimcheck import match, pipeline
    from claimcheck.settings import Settings

    settings = Settings(cache_dir=str(CACHE / "xdg" / "claimcheck"))
    documents, mentions = pipeline.read_all([str(folder)], settings)
    start = time.perf_counter()
    match.match(documents, mentions, settings=settings)
    return time.perf_counter() - start


def capped_baseline(folder: Path, cap: float) -> str:
    """``baseline`` in a child process, stopped after ``cap`` seconds."""
    code = f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); import scale; from pathlib import Path; print(scale.baseline(Path({str(folder)!r})))"
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=cap, check=True)
    except subprocess.TimeoutExpired:
        return f"> {cap:.0f} (stopped)"
    return f"{float(done.stdout):.1f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 2000])
    parser.add_argument("--workers", "-j", type=int, default=None, help="claimcheck's -j (default: its own default)")
    parser.add_argument("--warm", action="store_true", help="also re-run with 5 new articles and a warm cache")
    parser.add_argument("--baseline", action="store_true", help="also time all-pairs matching")
    parser.add_argument("--baseline-cap", type=float, default=300, help="stop all-pairs matching after this many seconds")
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument("--scheduler", default=None)
    args = parser.parse_args()
    warm_up = CACHE / "warm-up"
    generate(1, warm_up)
    run([str(warm_up)], args, None)  # builds the gazetteer index in the private user cache
    missed = 0
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    print("| articles | stories | MB | run | seconds | CPU s | articles/s | MB/s | peak MB | disagreements found |")
    print("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        folder, gold = corpus(n)
        mb = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        rows = []
        with tempfile.TemporaryDirectory() as cache:
            seconds, cpu, peak, report = run([str(folder)], args, cache if args.warm else None)
            rows.append(("cold", n, seconds, cpu, peak, found_disagreements(report, gold)))
            if args.warm:
                extra = Path(cache) / "new"
                generate(5, extra, seed=97, first=n)
                seconds, cpu, peak, report = run([str(folder), str(extra)], args, cache)
                rows.append(("warm, +5 new", n + 5, seconds, cpu, peak, found_disagreements(report, gold)))
        for label, count, seconds, cpu, peak, found in rows:
            missed += len(gold) - found
            print(
                f"| {count} | {math.ceil(count / PER_STORY)} | {mb:.1f} | {label} | {seconds:.1f} | {cpu:.1f} | {count / seconds:.1f} | "
                f"{mb / seconds:.3f} | {peak:.0f} | {found} of {len(gold)} |",
                flush=True,
            )
        if args.baseline:
            print(f"|  |  |  | all-pairs matching only | {capped_baseline(folder, args.baseline_cap)} |  |  |  |  |  |", flush=True)
    if missed:
        print(f"{missed} planted disagreements were not found", file=sys.stderr)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
