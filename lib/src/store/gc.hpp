// A `git gc` running on the store. git keeps `gc.pid` ("PID HOST") in the
// repository while gc runs, its prune included, and starts no second gc
// beside it. A prune deletes every object no ref it read at its start leads
// to, so what a writer wrote meanwhile may vanish until that gc has ended.
#pragma once

#include <string>

namespace strata::store {

// Returns once the gc running now, if any, has ended: gc.pid gone, or held by
// another run (which started later, so read the refs later). A gc.pid naming
// a process of this host that no longer exists (a killed gc) is no gc. Waits
// at most kMaxGcWait, then returns anyway. True when a gc was running.
// `store_dir`: the repository's folder.
bool wait_for_running_gc(const std::string& store_dir);

}  // namespace strata::store
