"""The `newsdesk` command: run or serve the pipeline, start its server, validate, query and report on the warehouse."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from flows.server import api_for_run, connect_to_running_server, is_up, run_server
from tasks.settings import PROJECT_ROOT, Settings
from tasks.warehouse.location import as_parameter, parse

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _runner_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--runner",
        choices=["local", "dask"],
        default="local",
        help="where batches run: this process (default) or a Dask cluster on 127.0.0.1",
    )
    command.add_argument("--dask-address", metavar="ADDRESS", help="run batches on the Dask scheduler at ADDRESS")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk", description="Turn raw news articles into a quality-checked Parquet warehouse."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="run the pipeline on files and folders (default: seeds/)")
    run.add_argument(
        "paths",
        nargs="*",
        type=parse,
        help="files or folders (walked recursively), or URLs (s3://bucket/crawl/*.warc.gz)",
    )
    run.add_argument(
        "--warehouse", type=parse, default=Path("warehouse"), help="output folder or URL, e.g. s3://bucket/news"
    )
    run.add_argument("--lock-wait", type=float, default=300, help="seconds to wait for another run (default: 300)")
    _runner_arguments(run)

    serve = commands.add_parser("serve", help="serve the pipeline as a Prefect deployment that takes new inbox files")
    serve.add_argument("--inbox", type=Path, default=Path("inbox"), help="folder new files land in (default: inbox/)")
    serve.add_argument("--warehouse", type=parse, default=Path("warehouse"))
    serve.add_argument("--cron", default="0 * * * *", help='schedule (default: hourly, "0 * * * *")')
    serve.add_argument("--name", default="inbox", help="deployment name (default: inbox)")
    _runner_arguments(serve)

    server = commands.add_parser("server", help="run a local Prefect server (UI and API) that runs record into")
    server.add_argument("--home", type=Path, default=Path(".prefect"), help="its database folder (default: .prefect/)")

    validate = commands.add_parser("validate", help="run every table's suite against what is published")
    validate.add_argument("--warehouse", type=parse, default=Path("warehouse"))

    query = commands.add_parser("query", help="run SQL in DuckDB over the warehouse tables and analytic views")
    query.add_argument("sql", nargs="?", help='e.g. "select title, publisher from articles"')
    query.add_argument("--warehouse", type=parse, default=Path("warehouse"))
    query.add_argument("--format", choices=["table", "csv", "json"], default="table")
    query.add_argument("--duckdb", type=Path, metavar="FILE", help="write a DuckDB file with the same views to FILE")

    report = commands.add_parser("report", help="write a self-contained HTML report of the warehouse")
    report.add_argument("--warehouse", type=parse, default=Path("warehouse"))
    report.add_argument("--out", type=Path, required=True, help="folder for index.html")
    return parser


def _default_inputs() -> list[Path]:
    local = Path("seeds")
    return [local if local.is_dir() else PROJECT_ROOT / "seeds"]


def _run(args: argparse.Namespace) -> int:
    paths = args.paths or _default_inputs()
    missing = [str(p) for p in paths if isinstance(p, Path) and not p.exists()]
    if missing:
        print(f"newsdesk run: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    temporary_api = api_for_run(Settings().server_url)  # before Prefect loads its settings

    import great_expectations  # noqa: F401  (the first quality gate's import, taken while the API starts)
    from rich.console import Console

    from flows.console import print_failure, print_summary
    from flows.pipeline import RunFailed, news_pipeline
    from flows.progress import progress_bars
    from flows.runners import task_runner
    from tasks.warehouse.lock import WarehouseBusy
    from tasks.warehouse.working_copy import WarehouseMoved

    pipeline = news_pipeline.with_options(task_runner=task_runner(args.runner, args.dask_address))
    try:
        if temporary_api is not None:
            temporary_api.wait()
        with progress_bars(Console(stderr=True)):
            summary = pipeline([as_parameter(p) for p in paths], as_parameter(args.warehouse), args.lock_wait)
    except RunFailed as failed:
        print_failure(failed)
        return EXIT_FAILED
    except (WarehouseBusy, WarehouseMoved) as busy:
        print(f"newsdesk run: {busy}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as err:  # the log above has the traceback; the user gets one line and the way forward
        print(
            f"newsdesk run failed: {type(err).__name__}: {err}. Nothing of this run was published; "
            "see the log above and report it if it persists.",
            file=sys.stderr,
        )
        return EXIT_FAILED
    print_summary(summary)
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    url = connect_to_running_server(Settings().server_url)
    if url is None:
        print(
            f"newsdesk serve: no Prefect server answers at {Settings().server_url}; start one with "
            "`newsdesk server` (or `make server`), or set PREFECT_API_URL",
            file=sys.stderr,
        )
        return EXIT_FAILED
    from flows.serve import serve_inbox

    args.inbox.mkdir(parents=True, exist_ok=True)
    print(
        f"Serving deployment news_pipeline/{args.name} ({args.cron}) on {url}: {args.inbox} -> {args.warehouse}",
        file=sys.stderr,
    )
    serve_inbox(args.inbox, as_parameter(args.warehouse), args.cron, args.name, args.runner, args.dask_address)
    return EXIT_OK


def _server(args: argparse.Namespace) -> int:
    url = Settings().server_url
    if is_up(url):
        print(f"newsdesk server: a Prefect server already answers at {url}", file=sys.stderr)
        return EXIT_FAILED
    print(
        f"Prefect server at {url.removesuffix('/api')} (database in {args.home}/); runs record into it", file=sys.stderr
    )
    return run_server(url, args.home)


def _validate(args: argparse.Namespace) -> int:
    from flows.console import print_validations
    from tasks.quality.audit import validate_published

    outcomes = validate_published(args.warehouse)
    if outcomes is None:
        print(f"newsdesk validate: nothing is published in {args.warehouse}; run `newsdesk run` first", file=sys.stderr)
        return EXIT_FAILED
    print_validations(outcomes)
    return EXIT_OK if all(o.success for o in outcomes) else EXIT_FAILED


def _query(args: argparse.Namespace) -> int:
    import duckdb

    from flows.console import print_frame
    from tasks.warehouse.query import connect, write_database

    if args.sql is None and args.duckdb is None:
        print("newsdesk query: give SQL to run or --duckdb FILE to write", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.duckdb is not None:
            print(f"Wrote {write_database(args.warehouse, args.duckdb.absolute())}", file=sys.stderr)
            if args.sql is None:
                return EXIT_OK
        with connect(args.warehouse) as con:
            frame = con.sql(args.sql).df()
    except FileNotFoundError as err:
        print(f"newsdesk query: {err}", file=sys.stderr)
        return EXIT_FAILED
    except duckdb.Error as err:
        print(f"newsdesk query: {str(err).splitlines()[0]}", file=sys.stderr)
        return EXIT_USAGE
    print_frame(frame, args.format)
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from tasks.analytics.report import write_report

    try:
        index = write_report(args.warehouse, args.out)
    except FileNotFoundError as err:
        print(f"newsdesk report: {err}", file=sys.stderr)
        return EXIT_FAILED
    print(f"Wrote {index}")
    return EXIT_OK


COMMANDS = {
    "run": _run,
    "serve": _serve,
    "server": _server,
    "validate": _validate,
    "query": _query,
    "report": _report,
}


def main(argv: list[str] | None = None) -> None:
    args = _parser().parse_args(argv)
    sys.exit(COMMANDS[args.command](args))
