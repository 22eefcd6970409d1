"""The events of `perf script -F comm,tid,cpu,time,event,trace,ip,sym` over a sched trace, parsed once
for the three sched-*.py scripts beside this file."""
import re
from collections import namedtuple

Event = namedtuple('Event', 'comm tid cpu t name trace syms')
Switch = namedtuple('Switch', 'prev_comm prev_pid prev_state next_comm next_pid')
Wakeup = namedtuple('Wakeup', 'comm pid target_cpu')
Migrate = namedtuple('Migrate', 'comm pid orig_cpu dest_cpu')

_HEAD = re.compile(r'\s*(\S.*?)\s+(\d+)\s+\[(\d+)\]\s+([\d.]+):\s+(\S+):\s+(.*)')
_SWITCH = re.compile(r'prev_comm=(.*?) prev_pid=(\d+) prev_prio=\d+ prev_state=(\S+) ==> next_comm=(.*?) next_pid=(\d+)')
_WAKEUP = re.compile(r'comm=(.*?) pid=(\d+) prio=\d+ target_cpu=(\d+)')
_MIGRATE = re.compile(r'comm=(.*?) pid=(\d+) .*orig_cpu=(\d+) dest_cpu=(\d+)')


def events(path):
    """Each event in order; syms: the kernel call chain's symbols, innermost first."""
    for block in open(path).read().split('\n\n'):
        lines = block.strip().split('\n')
        m = _HEAD.match(lines[0]) if lines and lines[0] else None
        if m:
            yield Event(m.group(1), int(m.group(2)), int(m.group(3)), float(m.group(4)), m.group(5), m.group(6),
                        [line.split()[-1] for line in lines[1:]])


def switch(trace):
    m = _SWITCH.search(trace)
    return Switch(m.group(1), int(m.group(2)), m.group(3), m.group(4), int(m.group(5)))


def wakeup(trace):
    m = _WAKEUP.search(trace)
    return Wakeup(m.group(1), int(m.group(2)), int(m.group(3)))


def migrate(trace):
    m = _MIGRATE.search(trace)
    return Migrate(m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4)))


def group(comm):
    """cons (tblog's consumer), prod (a benchmark thread), idle, or other."""
    if comm.startswith('tblog-consumer'):
        return 'cons'
    if comm.startswith('dev.tblog.bench'):
        return 'prod'
    return 'idle' if comm.startswith('swapper') else 'other'
