/// The time of a citizen report: what phone-app exports write ("2025-03-14T09:30:00+08:00",
/// "2025-03-14 09:30", "2025/3/14 9:30:05", a date alone), as seconds since 1970 UTC. A time
/// without a zone is Beijing time (UTC+8), as the apps write it; months are Beijing months.
public enum ReportTime {
    /// Beijing time's offset from UTC, s.
    public static let beijing: Int64 = 8 * 3600

    /// Seconds since 1970-01-01 UTC, or nil when `text` is not a date the apps write.
    /// Works on the UTF-8 bytes (a million reports: no Foundation, no Character per digit).
    public static func parse(_ text: String) -> Int64? { parse(utf8: Array(text.utf8)[...]) }

    /// `parse` of a cell's UTF-8 bytes (a CSV read without a String per cell).
    public static func parse(utf8: ArraySlice<UInt8>) -> Int64? {
        var s = utf8
        func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 }
        while let b = s.first, isBlank(b) { s.removeFirst() }
        while let b = s.last, isBlank(b) { s.removeLast() }
        func number(_ maxDigits: Int) -> Int64? {
            var value: Int64 = 0, digits = 0
            while let b = s.first, b >= 48, b <= 57, digits < maxDigits {
                value = value * 10 + Int64(b - 48)
                digits += 1
                s.removeFirst()
            }
            return digits == 0 ? nil : value
        }
        // Byte tests by switch, not array literals: no allocation per call at a million.
        func take(_ test: (UInt8) -> Bool) -> UInt8? {
            guard let b = s.first, test(b) else { return nil }
            s.removeFirst()
            return b
        }
        let isDash = { (b: UInt8) in b == 45 || b == 47 }  // - /
        guard let year = number(4), (1970...2200).contains(year), take(isDash) != nil, let month = number(2), (1...12).contains(month),
              take(isDash) != nil, let day = number(2), (1...daysIn(month, year)).contains(day) else { return nil }
        var seconds: Int64 = 0
        if take({ $0 == 84 || $0 == 32 }) != nil {  // T or blank
            guard let hour = number(2), hour < 24, take({ $0 == 58 }) != nil, let minute = number(2), minute < 60 else { return nil }
            seconds = hour * 3600 + minute * 60
            if take({ $0 == 58 }) != nil {
                guard let second = number(2), second < 61 else { return nil }
                seconds += second
                if take({ $0 == 46 }) != nil { _ = number(9) }
            }
        }
        var offset = beijing
        if take({ $0 == 90 }) != nil {  // Z
            offset = 0
        } else if let sign = take({ $0 == 43 || $0 == 45 }) {  // + -
            guard let hours = number(2), hours <= 14 else { return nil }
            _ = take({ $0 == 58 })
            let minutes = number(2) ?? 0
            offset = (sign == 43 ? 1 : -1) * (hours * 3600 + minutes * 60)
        }
        guard s.isEmpty else { return nil }
        return days(year, month, day) * 86_400 + seconds - offset
    }

    /// "2025-03": the Beijing month of a time.
    public static func month(_ t: Int64) -> String {
        let (y, m, _) = civil((t + beijing).floorDivided(by: 86_400))
        return "\(y)-\(m < 10 ? "0" : "")\(m)"
    }

    /// "2025-03-14 09:30": a time in Beijing time, for tables and case layers.
    public static func text(_ t: Int64) -> String {
        let local = t + beijing
        let (y, m, d) = civil(local.floorDivided(by: 86_400))
        let minute = (local - local.floorDivided(by: 86_400) * 86_400) / 60
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d)) \(two(minute / 60)):\(two(minute % 60))"
    }

    static func daysIn(_ month: Int64, _ year: Int64) -> Int64 {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Int(month - 1)]
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm).
    static func days(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = y.floorDivided(by: 400)
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day count since 1970-01-01.
    static func civil(_ z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = z.floorDivided(by: 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension Int64 {
    /// Division rounding toward minus infinity (dates before 1970 stay on the right day).
    func floorDivided(by d: Int64) -> Int64 {
        let q = self / d
        return (self % d != 0 && (self < 0) != (d < 0)) ? q - 1 : q
    }
}
