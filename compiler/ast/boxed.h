#pragma once
// Boxed<T>: an optional value kept on the heap. Empty, which is what it
// nearly always is, it is the size of one pointer, where std::optional<T>
// is the size of a T; copied, it copies the value, as std::optional does.
// For members that are rarely present in types stored and copied by the
// thousand: a cast's type in every expression, a column's default and
// generation expressions, a constraint's check. Its interface is the part of
// std::optional's that the compiler uses.

#include <memory>
#include <optional>
#include <utility>

namespace migrac {

// An optional T on the heap (see above).
template <class T>
class Boxed {
 public:
  Boxed() = default;
  Boxed(std::nullopt_t) {}  // NOLINT: converts as std::optional's does
  Boxed(const T& value) : value_(std::make_unique<T>(value)) {}        // NOLINT
  Boxed(T&& value) : value_(std::make_unique<T>(std::move(value))) {}  // NOLINT
  Boxed(const std::optional<T>& value)                                 // NOLINT
      : value_(value ? std::make_unique<T>(*value) : nullptr) {}
  Boxed(std::optional<T>&& value)  // NOLINT
      : value_(value ? std::make_unique<T>(std::move(*value)) : nullptr) {}
  Boxed(const Boxed& other) : value_(other ? std::make_unique<T>(*other) : nullptr) {}
  Boxed(Boxed&&) noexcept = default;
  ~Boxed() = default;

  Boxed& operator=(const Boxed& other) {
    if (this != &other) value_ = other ? std::make_unique<T>(*other) : nullptr;
    return *this;
  }
  Boxed& operator=(Boxed&&) noexcept = default;
  Boxed& operator=(std::nullopt_t) {
    value_.reset();
    return *this;
  }

  bool has_value() const { return value_ != nullptr; }
  explicit operator bool() const { return value_ != nullptr; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return value_.get(); }
  const T* operator->() const { return value_.get(); }
  T& value() {
    if (!value_) throw std::bad_optional_access();
    return *value_;
  }
  const T& value() const {
    if (!value_) throw std::bad_optional_access();
    return *value_;
  }
  void reset() { value_.reset(); }

  friend bool operator==(const Boxed& a, const Boxed& b) {
    if (!a || !b) return !a && !b;
    return *a == *b;
  }
  friend bool operator==(const Boxed& a, std::nullopt_t) { return !a; }

 private:
  std::unique_ptr<T> value_;
};

}  // namespace migrac
