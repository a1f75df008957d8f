// Step three of code generation: the view model printed through logic-less
// Mustache templates. The only user of the template engine. Returns the
// files; writing them (only when their bytes change) is the driver's job.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "codegen/view_model.hpp"
#include "diag/diagnostics.hpp"

namespace schemac::codegen {

struct GeneratedFile {
    std::string path;       // relative to the output directory: "modelstore/models.hpp"
    std::string contents;
};

// Template name ("table.hpp") -> its text.
using Templates = std::map<std::string, std::string>;

// The drivers whose templates are compiled into schemac (the folders of
// templates/cpp/ in its source tree), sorted.
std::vector<std::string> template_drivers();
// The templates compiled into schemac for one driver (templates/cpp/<driver>/*.mustache);
// empty for a driver it has none for.
Templates default_templates(std::string_view driver);
// The driver's defaults, with every NAME.mustache file of `dir` replacing its
// default; an unknown file name or an unreadable directory is an error.
Templates load_templates(std::string_view driver, const std::string& dir, Diagnostics& diags);

// Every file, sorted by path. Template errors (syntax, from an overriding
// template) are reported at the template.
std::vector<GeneratedFile> render(const ViewModel& vm, const Templates& templates, Diagnostics& diags);

}  // namespace schemac::codegen
