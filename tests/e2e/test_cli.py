"""test_cli.py: the command line.  --help and --version; bad usage exits 2
with one "gazette: " line and touches nothing; init creates, migrates (a
no-op the second time), loads the starter content once and refuses a newer
schema or a file that is not a database; user add hashes with argon2id and
enforces its name, role, email and password rules; user passwd sets a
password by the same rules, ends the account's sessions and audits it, and
changes nothing for an unknown account or a weak password; check finds
foreign-key violations.  Every case runs in a fresh temporary folder."""

import glob
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402

PASSWORD = b"correct horse battery"
HASH_PREFIX = "$argon2id$v=19$m=19456,t=2,p=1$"
failures = []


def expect(cond, message):
    """Records a failure unless cond holds; returns cond."""
    if not cond:
        failures.append(message)
        harness.log("  FAIL: " + message)
    return cond


class Result:
    def __init__(self, args, rc, out, err, seconds):
        self.args, self.rc, self.out, self.err = args, rc, out, err
        self.seconds = seconds

    def __str__(self):
        return "`gazette %s`: exit %s, stdout %r, stderr %r" % (
            " ".join(a if len(a) < 40 else a[:20] + "..." for a in self.args),
            self.rc, self.out[-300:], self.err[-300:])


def gazette(cwd, *args, stdin=b"", timeout=30):
    """Runs gazette in its own process group; a run that outlives timeout
    is killed (with anything it forked) and reported with rc None."""
    start = time.monotonic()
    p = subprocess.Popen([BINARY] + list(args), cwd=cwd,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = p.communicate(stdin, timeout=timeout)
        rc = p.returncode
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
        rc = None
    return Result(list(args), rc, out.decode("utf-8", "replace"),
                  err.decode("utf-8", "replace"), time.monotonic() - start)


def query(path, sql, *params):
    con = sqlite3.connect(path, timeout=10)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def scalar(path, sql, *params):
    return query(path, sql, *params)[0][0]


def fresh():
    return tempfile.TemporaryDirectory(prefix="gz-cli-")


def init(d, *extra):
    db = os.path.join(d, "gazette.db")
    r = gazette(d, "init", "--db", db, *extra)
    if not expect(r.rc == 0, "setup failed: %s" % r):
        raise harness.Failure("cannot go on without a database")
    return db


def test_help_version():
    with fresh() as d:
        r = gazette(d, "--help")
        expect(r.rc == 0, "--help: %s" % r)
        for word in ("init", "user add", "user passwd", "serve", "check"):
            expect(word in r.out, "--help does not list %r: %s" % (word, r))
        r = gazette(d, "--version")
        words = r.out.split()
        expect(r.rc == 0 and r.out.endswith("\n") and len(words) == 2 and
               words[0] == "gazette" and len(words[1].split(".")) == 3 and
               all(x.isdigit() for x in words[1].split(".")),
               "--version should print 'gazette X.Y.Z': %s" % r)


USAGE_ERRORS = [
    [],
    ["frobnicate"],
    ["init", "--db", "x", "--bogus"],
    ["init", "--db"],
    ["init", "--db", "x", "--db", "y"],
    ["user", "--db", "x", "--name", "alice", "--role", "editor"],
    ["user", "passwd", "--db", "x"],
    ["user", "passwd", "--db", "x", "--name", "alice", "--role", "editor"],
    ["user", "add", "--db", "x", "--name", "alice", "--role", "editor",
     "--email", "not an address"],
    ["serve", "--db", "x"],
    ["serve", "--db", "x", "--socket", "s", "--workers", "0"],
    ["serve", "--db", "x", "--socket", "s", "--workers", "abc"],
]


def test_usage_errors():
    for args in USAGE_ERRORS:
        with fresh() as d:
            r = gazette(d, *args, timeout=10)
            lines = r.err.splitlines()
            expect(r.rc == 2, "expected exit 2: %s" % r)
            expect(len(lines) == 1 and lines[0].startswith("gazette: "),
                   "expected one 'gazette: ' line on stderr: %s" % r)
            expect(os.listdir(d) == [], "%s created %s" % (r, os.listdir(d)))


def test_init():
    levels = len(glob.glob(os.path.join(harness.SOURCE, "sql", "*.sql")))
    with fresh() as d:
        db = init(d)
        expect(scalar(db, "PRAGMA user_version") == levels,
               "user_version %s, expected %d" %
               (scalar(db, "PRAGMA user_version"), levels))
        expect(scalar(db, "PRAGMA journal_mode") == "wal",
               "journal_mode is %r" % scalar(db, "PRAGMA journal_mode"))
        r = gazette(d, "init", "--db", db)
        expect(r.rc == 0 and "error" not in r.err.lower(),
               "second init should be a quiet no-op: %s" % r)
        expect(scalar(db, "PRAGMA user_version") == levels,
               "user_version changed on the second init")

    with fresh() as d:
        db = init(d, "--starter")
        count = ("SELECT (SELECT count(*) FROM articles), "
                 "(SELECT count(*) FROM pages)")
        before = query(db, count)
        published = scalar(db, "SELECT count(*) FROM articles "
                               "WHERE state = 'published'")
        expect(published >= 5, "starter: %d published articles" % published)
        slugs = {s for (s,) in query(db, "SELECT slug FROM pages")}
        expect({"about", "contact"} <= slugs, "starter pages: %s" % slugs)
        r = gazette(d, "init", "--db", db, "--starter")
        expect(r.rc == 0, "second init --starter: %s" % r)
        expect(query(db, count) == before, "second init --starter changed "
               "(articles, pages) from %s to %s" % (before, query(db, count)))


def test_init_newer_schema():
    with fresh() as d:
        db = init(d)
        con = sqlite3.connect(db)
        con.execute("PRAGMA user_version = 999")
        con.close()
        r = gazette(d, "init", "--db", db)
        expect(r.rc == 1 and ("999" in r.err or "newer" in r.err),
               "init on schema level 999: expected exit 1 and a message "
               "naming the level: %s" % r)
        expect(scalar(db, "PRAGMA user_version") == 999,
               "user_version is %s after the refused init" %
               scalar(db, "PRAGMA user_version"))


def test_init_not_a_database():
    with fresh() as d:
        path = os.path.join(d, "notes.txt")
        text = b"These are my notes, not a database.\n" * 20
        with open(path, "wb") as f:
            f.write(text)
        r = gazette(d, "init", "--db", path)
        expect(r.rc not in (0, None) and r.err.strip(),
               "init on a text file: expected an error: %s" % r)
        with open(path, "rb") as f:
            expect(f.read() == text, "init changed the text file")


def user_add(d, db, name, role="editor", password=PASSWORD, timeout=30):
    return gazette(d, "user", "add", "--db", db, "--name", name, "--role",
                   role, stdin=password + b"\n", timeout=timeout)


def test_user_add():
    with fresh() as d:
        db = init(d)
        r = user_add(d, db, "alice")
        expect(r.rc == 0, "user add alice: %s" % r)
        rows = query(db, "SELECT role, password_hash FROM users "
                         "WHERE name = 'alice'")
        if expect(len(rows) == 1, "users rows for alice: %s" % rows):
            role, pw_hash = rows[0]
            expect(role == "editor", "alice's role is %r" % role)
            expect(pw_hash.startswith(HASH_PREFIX),
                   "alice's hash is %r" % pw_hash)
        for name in os.listdir(d):  # the database and any -wal/-shm
            with open(os.path.join(d, name), "rb") as f:
                expect(PASSWORD not in f.read(),
                       "the password is stored in clear in %s" % name)

        for name in ("alice", "ALICE"):
            r = user_add(d, db, name)
            expect(r.rc == 1 and r.err.strip(),
                   "adding %s again: expected exit 1: %s" % (name, r))
        n = scalar(db, "SELECT count(*) FROM users WHERE name = 'alice' "
                       "COLLATE NOCASE")
        expect(n == 1, "%d accounts named alice" % n)

        users = query(db, "SELECT * FROM users ORDER BY id")
        bad = [("root role", "bob", "root", PASSWORD),
               ("11-char password", "bob", "editor", b"x" * 11),
               ("129-char password", "bob", "editor", b"x" * 129),
               ("1 MB password", "bob", "editor", b"x" * (1 << 20)),
               ("name with a space", "bob smith", "editor", PASSWORD),
               ("65-char name", "b" * 65, "editor", PASSWORD)]
        for what, name, role, password in bad:
            r = user_add(d, db, name, role, password, timeout=10)
            expect(r.rc == 2 and r.err.strip(),
                   "%s: expected exit 2: %s" % (what, r))
            if password == b"x" * (1 << 20):
                expect(r.seconds < 2, "%s: took %.2fs, expected under 2s"
                       % (what, r.seconds))
        expect(query(db, "SELECT * FROM users ORDER BY id") == users,
               "rejected user add changed the users table")


def user_passwd(d, db, name, password, timeout=30):
    return gazette(d, "user", "passwd", "--db", db, "--name", name,
                   stdin=password + b"\n", timeout=timeout)


def test_user_passwd():
    new_password = b"a brand new passphrase"
    with fresh() as d:
        db = init(d)
        r = gazette(d, "user", "add", "--db", db, "--name", "alice", "--role",
                    "admin", "--email", "alice@example.org",
                    stdin=PASSWORD + b"\n")
        expect(r.rc == 0, "user add --email: %s" % r)
        expect(scalar(db, "SELECT email FROM users WHERE name = 'alice'") ==
               "alice@example.org", "user add --email did not store it")
        expect(user_add(d, db, "bob").rc == 0, "user add bob")
        con = sqlite3.connect(db)
        for i, name in enumerate(("alice", "alice", "bob")):
            con.execute("INSERT INTO sessions (id_hash, user_id, created_at, "
                        "last_seen_at, expires_at, address, user_agent) "
                        "SELECT ?, id, 0, 0, 4000000000, '', '' FROM users "
                        "WHERE name = ?", (bytes([i]) * 32, name))
        con.commit()
        con.close()
        old = scalar(db, "SELECT password_hash FROM users WHERE name = "
                         "'alice'")
        before = query(db, "SELECT * FROM users ORDER BY id")

        # Unknown account, weak or missing password: non-zero, a message,
        # nothing changed.
        bad = [("unknown account", "nobody", new_password, 1),
               ("11-char password", "alice", b"x" * 11, 2),
               ("129-char password", "alice", b"x" * 129, 2),
               ("empty password", "alice", b"", 2)]
        for what, name, password, rc in bad:
            r = user_passwd(d, db, name, password)
            expect(r.rc == rc and r.err.strip().startswith("gazette: "),
                   "%s: expected exit %d with a message: %s" % (what, rc, r))
            expect(query(db, "SELECT * FROM users ORDER BY id") == before,
                   "%s: user passwd changed the users table" % what)
        r = user_passwd(d, db, "nobody", new_password)
        expect("nobody" in r.err, "the unknown name is not named: %s" % r)
        expect(scalar(db, "SELECT count(*) FROM sessions") == 3,
               "a refused user passwd ended sessions")

        # A good one (the name in any case): a new argon2id hash, the
        # account's sessions ended (not others'), audited.
        r = user_passwd(d, db, "ALICE", new_password)
        expect(r.rc == 0, "user passwd alice: %s" % r)
        new = scalar(db, "SELECT password_hash FROM users WHERE name = "
                         "'alice'")
        expect(new != old and new.startswith(HASH_PREFIX),
               "alice's hash after user passwd is %r" % new)
        expect(scalar(db, "SELECT count(*) FROM sessions s JOIN users u ON "
                          "u.id = s.user_id WHERE u.name = 'alice'") == 0,
               "alice's sessions survived user passwd")
        expect(scalar(db, "SELECT count(*) FROM sessions") == 1,
               "user passwd ended another account's session")
        expect(scalar(db, "SELECT count(*) FROM audit_log WHERE action = "
                          "'password set' AND user_name = 'alice'") == 1,
               "user passwd was not audited")
        for name in os.listdir(d):
            with open(os.path.join(d, name), "rb") as f:
                expect(new_password not in f.read(),
                       "the password is stored in clear in %s" % name)


def test_check():
    with fresh() as d:
        db = init(d, "--starter")
        r = gazette(d, "check", "--db", db)
        expect(r.rc == 0 and r.out.strip() == "ok",
               "check on a sound database: %s" % r)

    with fresh() as d:
        r = gazette(d, "check", "--db", "missing.db")
        expect(r.rc == 1 and r.err.strip(),
               "check on a missing file: expected exit 1: %s" % r)
        expect(os.listdir(d) == [], "check created %s" % os.listdir(d))

    with fresh() as d:
        db = init(d, "--starter")
        con = sqlite3.connect(db)
        con.execute("PRAGMA foreign_keys = OFF")
        con.execute("INSERT INTO article_tags (article_id, tag_id) "
                    "VALUES ((SELECT min(id) FROM articles), 999999)")
        con.commit()
        con.close()
        r = gazette(d, "check", "--db", db)
        expect(r.rc == 1 and "article_tags" in r.out + r.err,
               "check on a foreign-key violation should exit 1 and name "
               "article_tags: %s" % r)

    # A SQLite file that is not a Gazette database: reported, unchanged.
    with fresh() as d:
        db = os.path.join(d, "other.db")
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE t (x)")
        con.commit()
        con.close()
        before = open(db, "rb").read()
        r = gazette(d, "check", "--db", db)
        expect(r.rc == 1 and "schema" in r.out,
               "check on a database without the schema should exit 1 "
               "and say so: %s" % r)
        expect(open(db, "rb").read() == before,
               "check changed the file it checked")
        expect(query(db, "PRAGMA journal_mode") == [("delete",)],
               "check changed the journal mode")


def main():
    global BINARY
    BINARY = harness.find_binary()
    for test in (test_help_version, test_usage_errors, test_init,
                 test_init_newer_schema, test_init_not_a_database,
                 test_user_add, test_user_passwd, test_check):
        harness.log(test.__name__)
        test()
    if failures:
        raise harness.Failure("%d problems (listed above)" % len(failures))


if __name__ == "__main__":
    harness.run(main)
