"""A throwaway PostgreSQL cluster for the tests and the benchmark: initdb into a temp folder, a
server on a Unix socket in that folder (no TCP port, so parallel runs never collide), stopped and
deleted afterwards.

    with throwaway_cluster() as cluster:
        url = cluster.create_database("drafter_test")     # postgresql:///drafter_test?host=/tmp/…

PostgreSQL refuses to run as root, and CI runs as root: the cluster then runs as the `postgres`
system user (Debian's package creates it), through `runuser`. The binaries come from
`DRAFTER_PG_BIN`, else `pg_config --bindir`, else /usr/lib/postgresql/<newest>/bin.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PORT = 5432  # only names the socket file inside our own folder
PASSWORD_USER, PASSWORD = "drafter_pw", "s3cret-Passw0rd"  # a role that must log in with a password


class ClusterUnavailable(Exception):
    """No PostgreSQL server binaries here (the reason is the message)."""


def server_bin() -> Path:
    if os.environ.get("DRAFTER_PG_BIN"):
        given = Path(os.environ["DRAFTER_PG_BIN"])
        if not (given / "initdb").exists():
            raise ClusterUnavailable(f"DRAFTER_PG_BIN={given} holds no initdb")
        return given
    if shutil.which("pg_config"):
        found = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout.strip()
        if found and (Path(found) / "initdb").exists():
            return Path(found)
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name)
    )
    if not versions:
        raise ClusterUnavailable("no PostgreSQL server binaries (initdb) found: install Debian's postgresql")
    return versions[-1].parent


@dataclass
class Cluster:
    folder: Path
    bin: Path
    run_as: list[str]  # the command prefix that runs a server binary as a non-root user

    @property
    def socket_dir(self) -> str:
        return str(self.folder)

    def url(self, database: str, user: str = "postgres", password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@/{database}?host={self.socket_dir}&port={PORT}"

    def psql(self, sql: str, database: str = "postgres") -> str:
        cmd = [*self.run_as, str(self.bin / "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
               "-h", self.socket_dir, "-p", str(PORT), "-U", "postgres", "-d", database, "-c", sql]  # fmt: skip
        return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout

    def create_database(self, name: str) -> str:
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self.psql(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING UTF8')
        return self.url(name)


def _run_as() -> list[str]:
    if os.geteuid() != 0:
        return []
    if not shutil.which("runuser"):
        raise ClusterUnavailable("running as root without `runuser`: cannot start PostgreSQL as another user")
    try:
        import pwd

        pwd.getpwnam("postgres")
    except KeyError as err:
        raise ClusterUnavailable("running as root and there is no `postgres` user to run the server") from err
    return ["runuser", "-u", "postgres", "--"]


@contextmanager
def throwaway_cluster(settings: dict[str, str] | None = None) -> Iterator[Cluster]:
    """Start a private cluster (trust on its socket, a password for PASSWORD_USER); stop and delete it."""
    binaries, run_as = server_bin(), _run_as()
    folder = Path(tempfile.mkdtemp(prefix="drafter-pg-"))
    data = folder / "data"
    try:
        if run_as:
            shutil.chown(folder, "postgres")
        cluster = Cluster(folder, binaries, run_as)
        _initdb(cluster, data)
        options = {"listen_addresses": "''", "unix_socket_directories": f"'{folder}'", "port": str(PORT),
                   "fsync": "off", "synchronous_commit": "off", "full_page_writes": "off",
                   "max_connections": "60", "shared_buffers": "128MB", **(settings or {})}  # fmt: skip
        with (data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.writelines(f"{k} = {v}\n" for k, v in options.items())
        _start(cluster, data)
        previous = _stop_on_sigterm()
        try:
            cluster.psql(f"CREATE ROLE {PASSWORD_USER} LOGIN SUPERUSER PASSWORD '{PASSWORD}'")
            yield cluster
        finally:
            subprocess.run([*run_as, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                           capture_output=True)  # fmt: skip
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _stop_on_sigterm():  # noqa: ANN202 - the previous handler
    """A SIGTERM (CI's timeout, `kill`) unwinds like Ctrl-C, so the server is stopped, not orphaned."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def stop(signum, frame):  # noqa: ANN001, ANN202
        raise SystemExit(128 + signum)

    return signal.signal(signal.SIGTERM, stop)


def _initdb(cluster: Cluster, data: Path) -> None:
    cmd = [*cluster.run_as, str(cluster.bin / "initdb"), "-D", str(data), "-U", "postgres", "-E", "UTF8",
           "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync"]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        raise ClusterUnavailable(f"initdb failed: {done.stderr.strip()[-400:]}")
    hba = data / "pg_hba.conf"
    # The password role logs in with its password even on the socket (the authentication tests).
    hba.write_text(
        f"local all {PASSWORD_USER} scram-sha-256\n" + hba.read_text(encoding="utf-8"), encoding="utf-8"
    )


def _start(cluster: Cluster, data: Path) -> None:
    log = cluster.folder / "server.log"
    cmd = [
        *cluster.run_as,
        str(cluster.bin / "pg_ctl"),
        "-D",
        str(data),
        "-l",
        str(log),
        "-w",
        "-t",
        "60",
        "start",
    ]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        tail = log.read_text(encoding="utf-8", errors="replace")[-600:] if log.exists() else done.stderr
        raise ClusterUnavailable(f"the PostgreSQL server did not start: {tail.strip()}")
