// Process-level settings of libjtorch_ops.so's hosts (see jtorch/runtime.h): glibc's malloc
// thresholds and the LibTorch warning handler.
#include "jtorch/runtime.h"

#include <c10/util/Exception.h>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <new>
#include <string>
#include <thread>
#include <typeinfo>
#include <unordered_set>

#if defined(__GLIBC__)
#include <dlfcn.h>
#include <gnu/libc-version.h>
#include <malloc.h>
#endif

namespace {

// ---------------------------------------------------------------- malloc
std::atomic<int> g_mallopt_result{0};

// ---------------------------------------------------------------- warnings
std::atomic<jtorch_warning_callback> g_callback{nullptr};
std::atomic<int> g_mode{JTORCH_WARN_DEFAULT};
std::atomic<bool> g_exiting{false};

std::mutex& seen_mutex() {
  static auto* m = new std::mutex();  // never destroyed: warnings may come during exit
  return *m;
}

std::unordered_set<std::string>& seen() {
  static auto* s = new std::unordered_set<std::string>();
  return *s;
}

// Set when this library's static objects are destroyed (process exit): from then on no call
// goes to the host, whose runtime may be gone.
struct ExitFlag {
  ~ExitFlag() { g_exiting.store(true); }
} g_exit_flag;

const char* or_empty(const char* s) { return s == nullptr ? "" : s; }

// PyTorch's text of a C++ warning in Python: the message and where LibTorch raised it.
std::string python_text(const c10::Warning& w) {
  const auto& loc = w.source_location();
  return w.msg() + " (Triggered internally at " + or_empty(loc.file) + ":" +
         std::to_string(loc.line) + ".)";
}

// Replaces c10's default handler (which prints the message and a C++ backtrace to stderr).
// It must have exactly the base class's layout: it is constructed over c10's static base
// handler object (see jtorch_warnings_install).
class JtorchWarningHandler final : public c10::WarningHandler {
 public:
  void process(const c10::Warning& w) override {
    int mode = g_mode.load(std::memory_order_relaxed);
    if (mode == JTORCH_WARN_IGNORE) {
      return;
    }
    if (mode == JTORCH_WARN_ERROR) {
      // like Python's warnings.simplefilter("error"): the operation fails with the message
      throw c10::Error(w.source_location(), python_text(w));
    }
    const auto& loc = w.source_location();
    if (mode == JTORCH_WARN_DEFAULT) {
      std::string key = w.msg();
      key.push_back('\0');
      key += or_empty(loc.file);
      key.push_back(':');
      key += std::to_string(loc.line);
      std::lock_guard<std::mutex> lock(seen_mutex());
      if (!seen().insert(std::move(key)).second) {
        return;
      }
    }
    jtorch_warning_callback cb = g_callback.load();
    if (cb == nullptr || g_exiting.load()) {
      // no host to hand it to (not installed yet, or shutting down): one line, no backtrace
      std::fprintf(stderr, "[W jtorch] %s\n", python_text(w).c_str());
      return;
    }
    try {
      cb(w.msg().c_str(), or_empty(loc.file), static_cast<int>(loc.line));
    } catch (...) {
      // the host's callback failed (JavaCPP turns a Java exception into a C++ one): a warning
      // must never fail the operation that raised it
    }
  }
};

static_assert(sizeof(JtorchWarningHandler) == sizeof(c10::WarningHandler),
              "the handler is constructed over c10's base handler object");

}  // namespace

extern "C" {

const char* jtorch_libc_glibc_version(void) {
#if defined(__GLIBC__)
  return gnu_get_libc_version();
#else
  return nullptr;
#endif
}

int jtorch_mallopt_apply(long mmap_threshold, long trim_threshold, long top_pad) {
#if defined(__GLIBC__)
  int result = 0;
  if (mallopt(M_MMAP_THRESHOLD, static_cast<int>(mmap_threshold)) == 1) {
    result |= 1;
  }
  if (mallopt(M_TRIM_THRESHOLD, static_cast<int>(trim_threshold)) == 1) {
    result |= 2;
  }
  if (mallopt(M_TOP_PAD, static_cast<int>(top_pad)) == 1) {
    result |= 4;
  }
#else
  (void)mmap_threshold;
  (void)trim_threshold;
  (void)top_pad;
  int result = -1;
#endif
  g_mallopt_result.store(result);
  return result;
}

int jtorch_mallopt_result(void) { return g_mallopt_result.load(); }

long long jtorch_malloc_in_use(void) {
#if defined(__GLIBC__)
  // glibc 2.33's mallinfo2, found at run time so that the library still loads on an older glibc;
  // its layout (ten size_t fields) is glibc's ABI, spelled out here for older headers
  struct Mallinfo2 {
    size_t arena, ordblks, smblks, hblks, hblkhd, usmblks, fsmblks, uordblks, fordblks, keepcost;
  };
  using Fn = Mallinfo2 (*)();
  static const Fn mallinfo2_fn = reinterpret_cast<Fn>(dlsym(RTLD_DEFAULT, "mallinfo2"));
  if (mallinfo2_fn == nullptr) {
    return -1;
  }
  Mallinfo2 m = mallinfo2_fn();
  return static_cast<long long>(m.uordblks + m.hblkhd);
#else
  return -1;
#endif
}

int jtorch_warnings_install(void) {
  static std::mutex install_mutex;
  std::lock_guard<std::mutex> lock(install_mutex);
  // A new thread has no handler of its own: c10 gives it the static base handler object.
  c10::WarningHandler* base = nullptr;
  try {
    std::thread([&base] { base = c10::WarningUtils::get_warning_handler(); }).join();
  } catch (...) {
    return 0;
  }
  if (base == nullptr) {
    return 0;
  }
  if (typeid(*base) == typeid(JtorchWarningHandler)) {
    return 1;
  }
  if (typeid(*base) != typeid(c10::WarningHandler)) {
    return 0;
  }
  // Same size, no data: this only points the object's vtable at ours. c10 only ever calls the
  // object through a WarningHandler*, and its destructor at exit is the base class's (trivial).
  new (base) JtorchWarningHandler();
  return 1;
}

void jtorch_warnings_set_callback(jtorch_warning_callback callback) { g_callback.store(callback); }

int jtorch_warnings_set_mode(int mode) {
  if (mode < JTORCH_WARN_DEFAULT || mode > JTORCH_WARN_IGNORE) {
    return -1;
  }
  std::lock_guard<std::mutex> lock(seen_mutex());
  seen().clear();
  return g_mode.exchange(mode);
}

int jtorch_warnings_mode(void) { return g_mode.load(); }

int jtorch_warnings_raise_on_new_thread(const char* message) {
  std::string text = or_empty(message);
  int raised = 0;
  std::thread([&] {
    try {
      TORCH_WARN(text);
      raised = 1;
    } catch (...) {
      raised = 0;
    }
  }).join();
  return raised;
}

}  // extern "C"
