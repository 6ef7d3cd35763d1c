#ifndef CHADIR_SYSTEM_H
#define CHADIR_SYSTEM_H

/// 1 when the kernel says NTP disciplines the clock (adjtimex: not TIME_ERROR and STA_UNSYNC clear),
/// 0 when unsynchronised, -1 when the call failed. Glibc's Swift module does not export sys/timex.h.
int chadir_clock_synchronized(void);

#endif
