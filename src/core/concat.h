// Joins pieces of text into one string with a single allocation.
//
// Explanations and finding messages are built from many short pieces
// ("实际完成值「", a figure, "」达到…") for every row the CLI prints; joined
// with operator+, each piece costs a temporary string and often an allocation.
#pragma once

#include <string>
#include <string_view>

namespace jixiao::core {

// Appends the pieces to `out`, growing it at most once.
template <typename... Parts>
void append(std::string& out, const Parts&... parts) {
  const std::string_view views[] = {std::string_view(parts)...};
  size_t size = out.size();
  for (const std::string_view v : views) size += v.size();
  out.reserve(size);
  for (const std::string_view v : views) out.append(v);
}

template <typename... Parts>
std::string concat(const Parts&... parts) {
  std::string out;
  append(out, parts...);
  return out;
}

}  // namespace jixiao::core
