/*
 * walljump.so: an LD_PRELOAD shim that moves ONE process's wall clock (CLOCK_REALTIME) by an offset
 * read from a file, for the soak test's clock jumps (docs/soak.md). Nothing else is touched:
 * CLOCK_MONOTONIC / CLOCK_BOOTTIME, sleeps, timers, poll/epoll timeouts and file times stay real,
 * as after an NTP step on a real board. (libfaketime 0.9.10 with DONT_FAKE_MONOTONIC=1 breaks
 * clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME) with EINVAL and fakes monotonic timerfds:
 * wolfcw/libfaketime#426, #378; see docs/soak.md.)
 *
 * WALLJUMP_OFFSET_FILE names a file holding one integer: milliseconds added to the real
 * wall clock (negative = behind). It is re-read at most every 50 ms of real monotonic time, so a
 * harness changes the offset of a running process by rewriting the file (write + rename).
 * A missing or unreadable file keeps the last offset (0 at start).
 *
 * Intercepted: clock_gettime (REALTIME, REALTIME_COARSE), gettimeofday, time.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static _Atomic int64_t offset_ms;
static _Atomic int64_t next_read_ns;

static int real_clock_gettime(clockid_t clock, struct timespec *ts) {
    return (int)syscall(SYS_clock_gettime, clock, ts);
}

static void refresh(void) {
    struct timespec mono;
    if (real_clock_gettime(CLOCK_MONOTONIC, &mono) != 0) return;
    int64_t now = (int64_t)mono.tv_sec * 1000000000LL + mono.tv_nsec;
    int64_t due = atomic_load_explicit(&next_read_ns, memory_order_relaxed);
    if (now < due) return;
    if (!atomic_compare_exchange_strong(&next_read_ns, &due, now + 50000000LL)) return;
    const char *path = getenv("WALLJUMP_OFFSET_FILE");
    if (path == NULL) return;
    int saved = errno;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        char buffer[64];
        ssize_t n = read(fd, buffer, sizeof buffer - 1);
        close(fd);
        if (n > 0) {
            buffer[n] = 0;
            char *end = NULL;
            long long value = strtoll(buffer, &end, 10);
            if (end != buffer) atomic_store(&offset_ms, (int64_t)value);
        }
    }
    errno = saved;
}

static void shift(struct timespec *ts) {
    refresh();
    int64_t ns = (int64_t)ts->tv_sec * 1000000000LL + ts->tv_nsec + atomic_load(&offset_ms) * 1000000LL;
    ts->tv_sec = (time_t)(ns / 1000000000LL);
    ts->tv_nsec = (long)(ns % 1000000000LL);
    if (ts->tv_nsec < 0) {
        ts->tv_nsec += 1000000000L;
        ts->tv_sec -= 1;
    }
}

int clock_gettime(clockid_t clock, struct timespec *ts) {
    int result = real_clock_gettime(clock, ts);
    if (result == 0 && (clock == CLOCK_REALTIME || clock == CLOCK_REALTIME_COARSE)) shift(ts);
    return result;
}

int __clock_gettime(clockid_t clock, struct timespec *ts) { return clock_gettime(clock, ts); }

int gettimeofday(struct timeval *tv, void *tz) {
    (void)tz;
    struct timespec ts;
    if (real_clock_gettime(CLOCK_REALTIME, &ts) != 0) return -1;
    shift(&ts);
    tv->tv_sec = ts.tv_sec;
    tv->tv_usec = ts.tv_nsec / 1000;
    return 0;
}

time_t time(time_t *out) {
    struct timespec ts;
    if (real_clock_gettime(CLOCK_REALTIME, &ts) != 0) return (time_t)-1;
    shift(&ts);
    if (out != NULL) *out = ts.tv_sec;
    return ts.tv_sec;
}
