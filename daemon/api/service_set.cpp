#include "daemon/api/service_set.hpp"

#include <utility>

#include "daemon/api/services.hpp"

namespace spoed::daemon::api {

ServiceOptions ServiceOptions::ForTests() {
    ServiceOptions o;
    o.hashing.memory_kib = 64;
    o.hashing.iterations = 1;
    o.second_factor.key = service::RandomBytes(32);
    o.tally_refusals = false;
    return o;
}

ServiceSet::ServiceSet(db::Store& store, const Clock& clock, ServiceOptions opts)
    : options(std::move(opts)),
      hasher(options.hashing),
      auth(hasher, options.sessions, options.second_factor, options.throttle),
      admin(hasher),
      calendar(options.calendar),
      events(calendar, options.handover_reminder_time),
      plan(options.plan, events, auth),
      planner(options.evaluation, calendar),
      cases(events, planner),
      consult(events),
      shift(calendar),
      handover(calendar, events),
      evaluation(planner, events),
      stats(options.stats),
      record(calendar),
      offline(options.offline, shift),
      router(store, clock, auth),
      hub(store, clock, auth, calendar, events, options.hub) {
    if (options.tally_refusals) {
        router.SetRefusalTally(&refusals);
        hub.SetRefusalTally(&refusals);
    }
    if (options.rate_limit) router.SetRateLimit(*options.rate_limit);
    if (options.shared_store) {
        auth.throttle().ShareThrough(&store);
        router.ShareRateLimitThrough(&store);
    }
    RegisterServices(router, {.auth = auth,
                              .admin = admin,
                              .youth = youth,
                              .plan = plan,
                              .cases = cases,
                              .consult = consult,
                              .meldcode = meldcode,
                              .shift = shift,
                              .handover = handover,
                              .directory = directory,
                              .evaluation = evaluation,
                              .stats = stats,
                              .record = record,
                              .offline = offline});
}

ServiceSet::~ServiceSet() = default;

}  // namespace spoed::daemon::api
