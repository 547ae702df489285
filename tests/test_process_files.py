"""The Procfiles and systemd units start the commands that exist: a web server and a task
worker in each, so no way of running Tweespraak leaves notifications unsent."""

import configparser
import os
from pathlib import Path

import pytest
from honcho.environ import parse_procfile

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    "procfile, web, worker",
    [
        ("Procfile", "scripts/serve_prod.sh", "scripts/serve_worker.sh"),
        (
            "Procfile.dev",
            "$PY manage.py runserver $HOST:$PORT",
            "$PY manage.py run_huey",
        ),
    ],
)
def test_each_procfile_runs_a_web_server_and_a_task_worker(procfile, web, worker):
    processes = parse_procfile((ROOT / procfile).read_text()).processes
    assert processes == {"web": web, "worker": worker}


def test_the_production_scripts_exist_and_are_executable():
    for script in ("scripts/serve_prod.sh", "scripts/serve_worker.sh"):
        assert os.access(ROOT / script, os.X_OK), script


@pytest.mark.parametrize(
    "unit, script",
    [
        ("tweespraak-web.service", "scripts/serve_prod.sh"),
        ("tweespraak-worker@.service", "scripts/serve_worker.sh"),
    ],
)
def test_the_systemd_units_start_those_scripts_and_stop_gracefully(unit, script):
    config = configparser.ConfigParser(interpolation=None)
    config.read(ROOT / "deploy" / "systemd" / unit)
    service = config["Service"]
    assert service["ExecStart"] == f"/srv/tweespraak/{script}"
    assert service["KillSignal"] == "SIGTERM"
    assert config["Unit"]["PartOf"] == "tweespraak.target"
