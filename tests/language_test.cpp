// The language a text reads as (text/language.hpp), and the narrative's
// sentence when two versions read as different languages.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "strata/compare.hpp"
#include "test_util.hpp"
#include "text/language.hpp"

namespace strata {
namespace {

const char* const kEnglish =
    "We collect the data you give us when you book a flight with us. We use it to carry you and your baggage, to "
    "inform you of any change to your journey and to improve our services. You can ask us for a copy of the data "
    "that we hold about you, and you can object to its use for marketing. We keep it for as long as the law "
    "requires and for the time that is necessary to handle your requests.";
const char* const kFrench =
    "Nous collectons les donn\u00e9es que vous nous confiez lorsque vous r\u00e9servez un vol. Nous les utilisons "
    "pour vous transporter, pour vous informer de tout changement et pour am\u00e9liorer nos services. Vous pouvez "
    "nous demander une copie des donn\u00e9es que nous d\u00e9tenons sur vous, et vous opposer \u00e0 leur "
    "utilisation \u00e0 des fins de prospection. Nous les conservons pendant la dur\u00e9e que la loi impose et "
    "qui est n\u00e9cessaire au traitement de vos demandes dans le respect de votre vie priv\u00e9e.";

std::string guess(const std::string& text) {
  classify_detail::LanguageGuess g;
  g.add(text);
  return std::string(g.language());
}

TEST(Language, NamesTheLanguageOfARunningText) {
  EXPECT_EQ(guess(kEnglish), "English");
  EXPECT_EQ(guess(kFrench), "French");
  EXPECT_EQ(guess("Wir erheben die Daten, die Sie uns bei der Buchung geben, und wir verwenden sie nicht f\u00fcr "
                  "Werbung. Sie k\u00f6nnen von uns eine Kopie der Daten verlangen, die wir \u00fcber Sie haben, und "
                  "die Daten werden nur so lange gespeichert, wie es das Gesetz verlangt. Mit der Buchung "
                  "akzeptieren Sie die Bedingungen, die auf der Seite stehen, und die Regeln, die wir f\u00fcr den "
                  "Flug und das Gep\u00e4ck haben."),
            "German");
  EXPECT_EQ(guess("Recogemos los datos que usted nos da para la reserva y los usamos para el viaje, para "
                  "informarle de los cambios y para mejorar el servicio. Usted puede pedir una copia de sus datos "
                  "y se puede oponer a su uso por parte de los socios. Los datos se guardan durante el tiempo que "
                  "la ley exige y por el tiempo necesario para sus solicitudes, con las medidas del caso."),
            "Spanish");
}

TEST(Language, NamesNoneWhenTheTextDoesNotTell) {
  EXPECT_EQ(guess("Privacy policy"), "");                       // too few words
  EXPECT_EQ(guess(std::string(kEnglish) + " " + kFrench), "");  // two languages at once
}

TEST(Language, TheNarrativeSaysATranslationIsNoRewrite) {
  const std::string head = "# Privacy\n\n";
  const ChangeSet changes =
      compare(test::parse(head + kFrench + "\n", "a.md"), test::parse(head + kEnglish + "\n", "b.md"));
  EXPECT_EQ(changes.old_language, "French");
  EXPECT_EQ(changes.new_language, "English");
  EXPECT_NE(changes.narrative.find("The old version reads as French and the new as English: a translation counts as "
                                   "sections and statements removed and added."),
            std::string::npos)
      << changes.narrative;
  const ChangeSet same = compare(test::parse(head + kEnglish + "\n", "a.md"),
                                 test::parse(head + kEnglish + " One more sentence.\n", "b.md"));
  EXPECT_EQ(same.narrative.find("reads as"), std::string::npos) << same.narrative;
}

bool has_kind(const ChangeSet& changes, std::string_view kind) {
  return std::any_of(changes.highlights.begin(), changes.highlights.end(),
                     [&](const Highlight& h) { return h.kind == kind; });
}

TEST(Language, ATranslationDropsNoCommitment) {
  const std::string head = "# Privacy\n\n";
  const std::string promise = " We will not sell your personal data to any other company.";
  const std::string english = head + kEnglish + promise + "\n";
  const std::string french =
      head + kFrench + " Nous ne vendrons pas vos donn\u00e9es \u00e0 une autre soci\u00e9t\u00e9.\n";
  // The same promise dropped from the English text is a commitment dropped ...
  const ChangeSet dropped = compare(test::parse(english, "a.md"), test::parse(head + kEnglish + "\n", "b.md"));
  EXPECT_TRUE(has_kind(dropped, "commitment-dropped"));
  // ... but not when the French text keeps it in its own words, nor the
  // English one adds it back.
  const ChangeSet to_french = compare(test::parse(english, "a.md"), test::parse(french, "b.md"));
  ASSERT_EQ(to_french.old_language, "English");
  ASSERT_EQ(to_french.new_language, "French");
  EXPECT_FALSE(has_kind(to_french, "commitment-dropped"));
  const ChangeSet to_english = compare(test::parse(french, "a.md"), test::parse(english, "b.md"));
  EXPECT_FALSE(has_kind(to_english, "commitment-added"));
  // Each statement is still listed, and still a highlight of its own.
  EXPECT_TRUE(has_kind(to_french, "claim-changed"));
}

}  // namespace
}  // namespace strata
