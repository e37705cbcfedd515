// What the annual report's two files share (report.cpp: the page, the workbook and their routes;
// report_sections.cpp: the report's sections built from the group's records): the report as tables.
#pragma once

#include <string>
#include <vector>

#include "core/status.hpp"
#include "web/partnership/pages.hpp"
#include "web/render/xlsx.hpp"

namespace carevoice::web::partnership_pages {

using Cells = std::vector<xlsx::Cell>;

// One table of the report: a section of the page and a sheet of the workbook.
struct ReportTable {
    std::string id;     // the HTML id and the sheet's key
    std::string sheet;  // the sheet's name
    std::string caption;
    std::vector<std::string> header;
    std::vector<Cells> rows;
    std::string empty_text;  // shown when there are no rows
};

struct Section {
    std::string id, heading;
    std::vector<std::string> paragraphs;
    std::vector<ReportTable> tables;
};

struct Report {
    std::string title;
    std::string as_of;
    std::vector<Section> sections;
};

// The group's annual report for `year`, as of the end of that year or today when sooner.
Result<Report> BuildReport(RequestContext& ctx, const GroupStanding& standing, int year);

}  // namespace carevoice::web::partnership_pages
