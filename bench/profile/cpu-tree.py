#!/usr/bin/env python3
"""
The CPU time (user + sys) of a command's whole process tree, and its wall time:

    python3 bench/profile/cpu-tree.py <label> <command...>

prints `CPU <label> cpu=… user=… sys=… wall=… exit=… load=…` on stderr. On a loaded machine
the CPU time is the figure to compare; wall time there is mostly waiting for a core.

The script makes itself a child subreaper (Linux prctl), so processes whose parent was killed
(lessons:check kills a sandbox's process group with SIGKILL) are re-parented to it and reaped
here, and their CPU time is counted too: getrusage(RUSAGE_CHILDREN) then holds every process
of the tree, threads included, once each. It waits up to 15 s for the stragglers after the
command exits. QUIET=1 drops the command's stdout.
"""
import ctypes, os, sys, time, resource

PR_SET_CHILD_SUBREAPER = 36
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
    sys.exit("cpu-tree: prctl(PR_SET_CHILD_SUBREAPER) failed (Linux only)")
label, command = sys.argv[1], sys.argv[2:]
started = time.monotonic()
pid = os.fork()
if pid == 0:
    if os.environ.get("QUIET"):
        os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    os.execvp(command[0], command)
status, wall, deadline = None, None, None
while True:
    try:
        reaped, raw = os.waitpid(-1, 0 if wall is None else os.WNOHANG)
    except ChildProcessError:
        break  # nothing left to reap
    if reaped == pid:
        status, wall = os.waitstatus_to_exitcode(raw), time.monotonic() - started
        deadline = time.monotonic() + 15
    elif reaped == 0:
        if time.monotonic() > deadline:
            print("cpu-tree: descendants still running 15 s after the command ended", file=sys.stderr)
            break
        time.sleep(0.05)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
print(f"CPU {label} cpu={cpu:.2f} user={usage.ru_utime:.2f} sys={usage.ru_stime:.2f} wall={wall:.2f} exit={status} load={os.getloadavg()[0]:.1f}", file=sys.stderr)
sys.exit(status or 0)
