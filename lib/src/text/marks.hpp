// Marks that close what a sentence holds, shared by the reader of
// hard-wrapped text and the quotes of claims.
#pragma once

namespace strata {

// What closes a quotation or an aside: ) ] } " ' ” ’ » ›. A quote keeps
// them with its sentence's full stop, the narrative looks behind them, and
// a wrapped line that ends a sentence may end with them.
inline bool closes_quotation(char32_t cp) {
  return cp == ')' || cp == ']' || cp == '}' || cp == '"' || cp == '\'' || cp == 0x201D || cp == 0x2019 || cp == 0xBB ||
         cp == 0x203A;
}

}  // namespace strata
