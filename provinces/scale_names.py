"""The 34 provinces and centrally-run cities since 1 July 2025 (Resolution 202/2025/QH15 on the arrangement of
province-level units), for national-size test data. Codes are left blank: the generator never invents official codes.
"""
CENTRAL_CITIES = ("Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ")
PROVINCES = ("Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
             "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Ninh Bình",
             "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Đồng Nai", "Tây Ninh",
             "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang")
# Nghệ An has 130 communes and wards since 1/7/2025, of about 3,321 in the country: the benchmark's big province.
BIG_PROVINCE, BIG_SHARE, NATIONAL_COMMUNES = "Nghệ An", 130, 3321


def spread(communes: int) -> list[tuple[str, int]]:
    """How many communes each province gets: the big province its national share (at least one), the rest evenly."""
    big = max(1, round(communes * BIG_SHARE / NATIONAL_COMMUNES)) if communes else 0
    others = [name for name in CENTRAL_CITIES + PROVINCES if name != BIG_PROVINCE]
    rest, extra = divmod(communes - big, len(others))
    return [(BIG_PROVINCE, big)] + [(name, rest + (1 if i < extra else 0)) for i, name in enumerate(others)]
