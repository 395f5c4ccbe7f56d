"""Command line: `interview-prep serve`, `migrate`, `analyze FILE` and `s3-cors`."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interview_prep_backend.errors import AnalysisError
from interview_prep_backend.memory import tune_allocator
from interview_prep_backend.settings import get_settings

if TYPE_CHECKING:
    from interview_prep_backend.pipeline.schema import AnalysisResult


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from interview_prep_backend.api.app import create_app

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = create_app(run_migrations=not args.no_migrate)
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from interview_prep_backend.db.engine import make_engine
    from interview_prep_backend.db.migrate import migrate, schema_revision

    engine = make_engine(get_settings().resolved_database_url)
    try:
        before, head = schema_revision(engine)
        migrate(engine)
    finally:
        engine.dispose()
    print(f"database schema: {before or 'empty'} -> {head}")
    return 0


def _transcript(path: Path, args: argparse.Namespace) -> int:
    """A whole interview from a meeting transcript: each answer, then the report."""
    from rich.console import Console
    from rich.table import Table

    from interview_prep_backend.bootstrap import build_pipeline
    from interview_prep_backend.interviews.imported import analyse_answers, read_interview
    from interview_prep_backend.interviews.report import interview_report

    console = Console()
    try:
        who, pairs = read_interview(path.read_text(encoding="utf-8"), args.candidate)
    except AnalysisError as exc:
        Console(stderr=True).print(f"[red]{exc.code}[/red]: {exc.message}")
        return 1
    answers = analyse_answers(build_pipeline(get_settings()), pairs)
    report = interview_report([a.result for a in answers])
    table = Table(title=f"Interview of {who}: overall {report.overall_score or 0:.0f}/100")
    for column in ("#", "question", "score", "to work on"):
        table.add_column(column)
    for summary in report.answers:
        table.add_row(
            str(summary.index + 1),
            summary.question or "",
            f"{summary.overall_score or 0:.0f}",
            "; ".join(summary.improvements[:2]),
        )
    console.print(table)
    for pattern in report.patterns:
        console.print(f"- {pattern.message}")
    for drill in report.practise_next:
        console.print(f"Practise: {drill}")
    if args.json:
        Path(args.json).write_text(report.model_dump_json(indent=2))
    return 0


def _analyze(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from interview_prep_backend.bootstrap import build_pipeline
    from interview_prep_backend.pipeline.content.bank import BY_ID
    from interview_prep_backend.pipeline.events import Events
    from interview_prep_backend.pipeline.run import Asked

    if args.transcript:
        transcript = Path(args.transcript)
        if not transcript.is_file():
            Console(stderr=True).print(f"[red]No such file: {transcript}[/red]")
            return 2
        return _transcript(transcript, args)
    settings = get_settings()
    console = Console(stderr=True)
    bank_question = None
    if args.question_id:
        bank_question = BY_ID.get(args.question_id)
        if bank_question is None:
            console.print(f"[red]No question {args.question_id!r} in the bank[/red]")
            return 2
    pipeline = build_pipeline(settings)
    asked = Asked(args.question, bank_question)
    if args.text:
        text_path = Path(args.text)
        if not text_path.is_file():
            console.print(f"[red]No such file: {text_path}[/red]")
            return 2
        result = pipeline.analyze_text(text_path.read_text(), asked)
        return _finish(result, args)
    if not args.file:
        console.print("[red]Give a recording FILE or --text FILE[/red]")
        return 2
    path = Path(args.file)
    if not path.is_file():
        console.print(f"[red]No such file: {path}[/red]")
        return 2
    with Progress(
        TextColumn("{task.description:<16}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as bar:
        tasks: dict[str, Any] = {}
        current: list[str] = []

        class Bar(Events):
            def progress(self, stage: str, fraction: float) -> None:
                if stage not in tasks:
                    if current:
                        bar.update(tasks[current[-1]], completed=100)
                    tasks[stage] = bar.add_task(stage, total=100)
                    current.append(stage)
                bar.update(tasks[stage], completed=min(100, fraction * 100))

        try:
            result = pipeline.analyze_recording(path, asked, file_key=str(path), events=Bar())
        except AnalysisError as exc:
            console.print(f"[red]{exc.code}[/red]: {exc.message}")
            return 1
        for task in tasks.values():
            bar.update(task, completed=100)
    return _finish(result, args)


def _finish(result: AnalysisResult, args: argparse.Namespace) -> int:
    from rich.console import Console

    from interview_prep_backend.report import render_report

    if args.json:
        Path(args.json).write_text(result.model_dump_json(indent=2))
    Console().print(render_report(result))
    return 0


def _s3_cors(args: argparse.Namespace) -> int:
    from interview_prep_backend.bootstrap import build_storage

    settings = get_settings()
    storage = build_storage(settings)
    if not storage.capabilities.cross_origin:
        print("STORAGE_BACKEND is not s3: nothing to configure", file=sys.stderr)
        return 2
    storage.apply_cors(args.origin)
    print(f"CORS on bucket {settings.aws_s3_bucket} now allows {', '.join(args.origin)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    tune_allocator()
    parser = argparse.ArgumentParser(prog="interview-prep", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the web API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--no-migrate",
        action="store_true",
        help="do not migrate the database (several processes: run `migrate` once instead)",
    )
    serve.set_defaults(func=_serve)
    migrate = sub.add_parser("migrate", help="bring the database schema up to date")
    migrate.set_defaults(func=_migrate)
    analyze = sub.add_parser(
        "analyze", help="analyze a recording, a typed answer or an interview transcript"
    )
    analyze.add_argument("file", nargs="?", help="a recording (audio or video)")
    analyze.add_argument("--text", metavar="FILE", help="a typed answer instead of a recording")
    analyze.add_argument(
        "--transcript",
        metavar="FILE",
        help="a whole interview: a meeting transcript (.vtt, .srt, or Name: text lines)",
    )
    analyze.add_argument("--candidate", default=None, help="the candidate's name in it")
    analyze.add_argument("--question", default=None)
    analyze.add_argument("--question-id", default=None, help="a question from the bank")
    analyze.add_argument("--json", metavar="OUT", default=None, help="write the result JSON here")
    analyze.set_defaults(func=_analyze)
    cors = sub.add_parser("s3-cors", help="let the web page's origin upload to the S3 bucket")
    cors.add_argument("--origin", action="append", required=True, help="e.g. https://coach.example")
    cors.set_defaults(func=_s3_cors)
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
