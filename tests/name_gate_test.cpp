// The precision gate for programme names (programmes/name_gate.cpp), on
// crafted sentences and on the bundled snapshots.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "strata/load.hpp"
#include "strata/programmes.hpp"
#include "test_util.hpp"

namespace strata {
namespace {

std::vector<std::string> names_in(const std::string& text) {
  auto doc = parse_document("Topic\n\n" + text + "\n", "gate.txt");
  EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error().message);
  std::vector<std::string> out;
  if (!doc) return out;
  for (const auto& p : extract_programmes(*doc, {})) out.push_back(p.name);
  return out;
}

struct GateCase {
  const char* text;
  std::vector<std::string> names;
};

TEST(NameGate, TurnsAwayWhatIsNotAName) {
  const std::vector<GateCase> cases = {
      // A person's title and the words up to the name's connectors.
      {"The Heads of State and Government of the NATO-Ukraine Commission met in Warsaw.", {"NATO-Ukraine Commission"}},
      // A verb followed by an article opens no name.
      {"The Declaration of 2009 to Complement the NATO-Ukraine Charter mandated reforms.", {"NATO-Ukraine Charter"}},
      // A tail that qualifies the lowercase noun after it.
      {"Ukraine established a new Commission for NATO-Ukraine cooperation in 2014.", {}},
      // ... but not a tail of the name's own, whatever verb follows.
      {"A Joint Working Group on Scientific and Environmental Cooperation directs cooperation.",
       {"Joint Working Group on Scientific and Environmental Cooperation"}},
      // A participle phrase ends the name before it.
      {"Read the Payment Based on Plan Terms before paying.", {}},
      // Words glued by a page's chrome, and a word written twice.
      {"ViewFree BasicsMeta Platforms Technologies ProductsOversight Board", {}},
      {"Visit the Facebook Facebook Help Center for answers.", {"Facebook Help Center"}},
      // Shouting, a place before "in", a pair of nouns, a run cut by a figure.
      {"UNLESS LINKEDIN HAS ENTERED INTO A SEPARATE WRITTEN AGREEMENT, this applies.", {}},
      {"Link WhatsApp in Accounts Center to share settings.", {"Accounts Center"}},
      {"We remove Glorification, Support and Representation of various groups.", {}},
      {"We remove Representation of Tier 1 entities.", {}},
      // A generic head after a word the document writes in lowercase.
      {"Mozilla requires a valid Legal Process. We follow legal advice.", {}},
      {"Ukraine joined the DEXTER Programme.", {"DEXTER Programme"}},
      // A title word before a head word names a body ("General Assembly").
      {"The UN General Assembly adopted a resolution.", {"UN General Assembly"}},
      {"Allies follow the resolutions of the United Nations (UN) General Assembly.", {"UN General Assembly"}},
      {"Secretary General Jens Stoltenberg visited the NATO-Ukraine Council.", {"NATO-Ukraine Council"}},
      // A head word that modifies the capitalized word after it.
      {"Your use of our API is subject to our Meta Platform Terms and Developer Policies.", {}},
      {"GitHub Organization Accounts: an organization may add you.", {}},
      {"Individuals as predators in the context of a sexual predator Sting Operation", {}},
      // ... but a reference number after the body's name leaves it a name.
      {"NATO supports United Nations Security Council Resolution 1325 on Women, Peace and Security.",
       {"United Nations Security Council"}},
      {"The Standard Contractual Clauses in the Annex to the European Commission Decision of February 5, 2010.", {}},
      // A letter before a connector is not part of the name.
      {"Schedules A and D of the LinkedIn Data Processing Agreement apply.", {"LinkedIn Data Processing Agreement"}},
      // Parallel names joined by "and".
      {"GitHub may store Your Content in the GitHub Arctic Code Vault and GitHub Archive Program.",
       {"GitHub Archive Program"}},
      // A building in an address.
      {"Its registered office is at The Sorting Office, Ropemaker Place, Dublin 2, D02 HD23, Ireland and company "
       "number 1.",
       {}},
      {"Complaints go to the Irish Data Protection Commission, Dublin, Ireland.", {"Irish Data Protection Commission"}},
  };
  for (const auto& c : cases) EXPECT_EQ(names_in(c.text), c.names) << c.text;
}

TEST(NameGate, UserFileAddsHeadWords) {
  auto config = parse_programme_config("heads = [\"Hub\"]\n", "p.toml");
  ASSERT_TRUE(config.has_value()) << config.error().message;
  auto doc = parse_document("Topic\n\nUkraine opened the Medical Rehabilitation Hub last year.\n", "gate.txt");
  ASSERT_TRUE(doc.has_value());
  EXPECT_TRUE(extract_programmes(*doc, {}).empty());
  const auto programmes = extract_programmes(*doc, *config);
  ASSERT_EQ(programmes.size(), 1u);
  EXPECT_EQ(programmes[0].name, "Medical Rehabilitation Hub");
  EXPECT_FALSE(parse_programme_config("heads = \"Hub\"\n", "p.toml").has_value());
}

TEST(NameGate, AcronymOfADefinitionLeadsTheNameAfterIt) {
  EXPECT_EQ(names_in("Ukraine ratified the Partnership for Peace (PfP) Status of Forces Agreement in 2000."),
            (std::vector<std::string>{"Partnership for Peace", "PfP Status of Forces Agreement"}));
}

TEST(NameGate, BundledGuideHasNoJunkRows) {
  const auto programmes = extract_programmes(test::load_snapshot("guide-2016-2018"), {});
  std::vector<std::string> names;
  for (const auto& p : programmes) names.push_back(p.name);
  for (const char* junk :
       {"State and Government of the NATO-Ukraine Commission", "Complement the NATO-Ukraine Charter"}) {
    EXPECT_EQ(std::find(names.begin(), names.end(), junk), names.end()) << junk;
  }
  // The Commission keeps the mentions the junk row took.
  auto nuc = std::find_if(programmes.begin(), programmes.end(),
                          [](const Programme& p) { return p.name == "NATO-Ukraine Commission"; });
  ASSERT_NE(nuc, programmes.end());
  EXPECT_EQ(nuc->mentions.size(), 10u);
}

TEST(NameGate, StatusOfForcesAgreementIsKeptNotRenamed2015To2023) {
  const auto changes = compare_programmes(test::load_snapshot("page-2015"), test::load_snapshot("page-2023"), {});
  auto sofa = std::find_if(changes.begin(), changes.end(), [](const ProgrammeChange& c) {
    return c.old_side && c.old_side->name == "PfP Status of Forces Agreement";
  });
  ASSERT_NE(sofa, changes.end());
  EXPECT_EQ(sofa->status, ChangeStatus::kUnchanged);
  EXPECT_EQ(sofa->new_side->name, "PfP Status of Forces Agreement");
}

}  // namespace
}  // namespace strata
