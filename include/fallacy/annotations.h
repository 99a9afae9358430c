// include/fallacy/annotations.h: marks that tell fallacy-lint what your own network code does.
//
// Put the marks on declarations of your own functions and parameters; under
// clang they become [[clang::annotate]] attributes that fallacy-lint reads,
// under other compilers they expand to nothing. The same facts can come from
// a model file instead (docs/models.md), for code you cannot annotate.
#ifndef FALLACY_ANNOTATIONS_H
#define FALLACY_ANNOTATIONS_H

#if defined(__clang__)
#define FALLACY_ANNOTATE_(what) __attribute__((annotate(what)))
#else
#define FALLACY_ANNOTATE_(what)
#endif

/// On a function: each call blocks the calling thread on another host.
#define FALLACY_BLOCKING_REMOTE FALLACY_ANNOTATE_("fallacy::blocking_remote")
/// On a function: each call starts remote work that completes later.
#define FALLACY_ASYNC_REMOTE FALLACY_ANNOTATE_("fallacy::async_remote")
/// On a parameter of a remote function: the handle (connection, session,
/// context) whose timeout bounds the call.
#define FALLACY_HANDLE FALLACY_ANNOTATE_("fallacy::handle")
/// On a parameter of a remote function: the call's own timeout in
/// milliseconds; 0 and negative values mean "no timeout".
#define FALLACY_TIMEOUT_MS FALLACY_ANNOTATE_("fallacy::timeout_ms")
/// On a function: it sets a timeout on its FALLACY_HANDLE parameter (or its
/// first parameter).
#define FALLACY_SETS_TIMEOUT FALLACY_ANNOTATE_("fallacy::sets_timeout")

/// On a remote function: running it twice has the same effect as once.
#define FALLACY_IDEMPOTENT FALLACY_ANNOTATE_("fallacy::idempotent")
/// On a remote function: running it twice does the work twice.
#define FALLACY_NOT_IDEMPOTENT FALLACY_ANNOTATE_("fallacy::not_idempotent")

/// On a function: its result is a time read from another host's clock.
#define FALLACY_REMOTE_CLOCK FALLACY_ANNOTATE_("fallacy::remote_clock")
/// On a function: it compares times on a synchronised or hybrid logical clock
/// (TrueTime-style intervals, HLC), so cross-host comparisons in it are sound.
#define FALLACY_SYNCHRONISED_CLOCK FALLACY_ANNOTATE_("fallacy::synchronised_clock")

#endif
