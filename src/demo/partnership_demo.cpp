#include "demo/partnership_demo.hpp"

#include "demo/partnership_demo_parts.hpp"

namespace carevoice::demo {

Status FillPartnershipDemo(Connection& conn, const Clock& clock) {
    CV_ASSIGN_OR_RETURN(auto existing,
                        conn.Query("SELECT id FROM partnership_groups WHERE name = ?", {std::string(kDemoGroupName)}));
    if (!existing.empty()) return Status::Ok();
    CV_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(conn));
    demo::DemoContext context{conn, clock.NowSeconds(), clock.Today(), 0, {}, {}};
    CV_RETURN_IF_ERROR(demo::AddGroupAndPeople(context));
    CV_RETURN_IF_ERROR(demo::AddMeetings(context));
    CV_RETURN_IF_ERROR(demo::AddAudits(context));
    CV_RETURN_IF_ERROR(demo::AddWorkProgramme(context));
    CV_RETURN_IF_ERROR(demo::AddImpactsAndMeasures(context));
    return tx.Commit();
}

}  // namespace carevoice::demo
