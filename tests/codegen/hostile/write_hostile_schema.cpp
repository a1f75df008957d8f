// Generates the C++ of a schema whose comments and enum labels are hostile
// texts (hostile_texts.hpp) into DIR, for hostile_comments_test.cpp. The texts
// are put into the model after loading and analysis, so the generator sees them
// whatever the schema checks would say about them: codegen itself must keep
// every text inert.
#include <filesystem>
#include <fstream>
#include <iostream>

#include "codegen/render.hpp"
#include "codegen/view_model.hpp"
#include "hostile_texts.hpp"
#include "load/loader.hpp"
#include "model/analyze.hpp"
#include "sql/postgres/rules.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: write_hostile_schema DIR\n";
        return 2;
    }
    using namespace schemac;
    const auto texts = test::hostile_comment_texts();
    const auto labels = test::hostile_labels();
    std::string yaml = "enums:\n  mood:\n    values:\n";
    for (std::size_t i = 0; i < labels.size(); ++i) yaml += "      - label" + std::to_string(i) + "\n";
    yaml += "tables:\n  notes:\n    columns:\n      id: bigserial\n";
    for (std::size_t i = 0; i < texts.size(); ++i) yaml += "      c" + std::to_string(i) + ": text?\n";
    yaml += "      mood: mood?\n    primary_key: [id]\n";
    Diagnostics diags;
    Schema schema;
    load_yaml_text("hostile.yaml", yaml, schema, diags);
    analyze(schema, schemac::sql::postgres::rules(), diags);
    if (diags.has_errors()) {
        std::cerr << render_text(diags);
        return 1;
    }
    Table& notes = schema.tables.at(0);
    notes.comment = texts.front() + " " + texts.back();
    for (std::size_t i = 0; i < texts.size(); ++i) notes.columns.at(i + 1).comment = texts[i];
    Enum& mood = schema.enums.at(0);
    mood.comment = texts.at(2);
    for (std::size_t i = 0; i < labels.size(); ++i) mood.values.at(i).name = labels[i];
    codegen::GenerateOptions options;
    options.cpp_namespace = "hostile";
    options.version = "test";
    const auto vm = codegen::build_view_model(schema, options, diags);
    const auto files = codegen::render(vm, codegen::default_templates("libpqxx"), diags);
    if (diags.has_errors()) {
        std::cerr << render_text(diags);
        return 1;
    }
    for (const auto& f : files) {
        const auto path = std::filesystem::path(argv[1]) / f.path;
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << f.contents;
    }
    return 0;
}
