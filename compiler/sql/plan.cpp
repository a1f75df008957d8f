#include "sql/plan.hpp"

namespace schemac::sql {

const char* hazard_name(HazardKind k) {
    switch (k) {
        case HazardKind::DataLoss: return "data-loss";
        case HazardKind::TableRewrite: return "table-rewrite";
        case HazardKind::ExclusiveLock: return "exclusive-lock";
        case HazardKind::FullScan: return "full-scan";
        case HazardKind::BreaksApp: return "breaks-running-app";
        case HazardKind::MayFail: return "may-fail";
    }
    return "hazard";
}

}  // namespace schemac::sql
