"""The default directory of a province (tỉnh) or a centrally run city (thành phố trực thuộc trung ương).

Plain tables, read by directory_entries; "{loc}" in a display name becomes "tỉnh" or "thành phố". The resolver
rewrites "KH&ĐT", "NN&PTNT", "TN&MT", "GTVT", "TT&TT", "KH&CN", "LĐ-TB&XH", "GD&ĐT", "VH,TT&DL" … before matching.
"""
from .directory_district import SHARED, SHARED_GROUPS, VICE_CHAIRMEN  # noqa: F401 (VICE_CHAIRMEN is re-exported)

CHAIRMAN_ALIASES = ("Chủ tịch", "CT", "Chủ tịch Ủy ban nhân dân")


def officials() -> list:
    return []  # a province's plan names its departments, never a single official's post


# Departments before 2025: Decree 24/2014/NĐ-CP Art. 8-9 as amended by Decree 107/2020/NĐ-CP. Since 2025 (Decree
# 45/2025/NĐ-CP, then Decree 150/2025/NĐ-CP Art. 8 for the 12 departments every province has and Art. 9 for the
# special ones) Sở Tài chính took over Kế hoạch và Đầu tư, Sở Nông nghiệp và Môi trường replaced Sở NN&PTNT and Sở
# TN&MT, Sở Xây dựng took over Giao thông vận tải, Sở Khoa học và Công nghệ took over Thông tin và Truyền thông,
# Sở Nội vụ took over LĐ-TB&XH, and Sở Dân tộc và Tôn giáo replaced Ban Dân tộc. A plan of 2023 names both the old
# bodies in one row ("Sở Tài chính, Sở KH&ĐT"), so each keeps its own key. (key, display name, kind, aliases)
DEPARTMENTS = (
    ("so-noi-vu", "Sở Nội vụ", "department", ("Sở Nội vụ",)),
    ("so-tu-phap", "Sở Tư pháp", "department", ("Sở Tư pháp",)),
    ("so-ke-hoach-dau-tu", "Sở Kế hoạch và Đầu tư", "department",
     ("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch - Đầu tư", "Sở KH-ĐT", "Sở Kế hoạch Đầu tư")),
    ("so-tai-chinh", "Sở Tài chính", "department", ("Sở Tài chính",)),
    ("so-cong-thuong", "Sở Công Thương", "department", ("Sở Công Thương", "Sở Công thương", "Sở CT")),
    ("so-nong-nghiep-ptnt", "Sở Nông nghiệp và Phát triển nông thôn", "department",
     ("Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp - Phát triển nông thôn", "Sở Nông nghiệp PTNT")),
    ("so-nong-nghiep-moi-truong", "Sở Nông nghiệp và Môi trường", "department",
     ("Sở Nông nghiệp và Môi trường", "Sở NN&MT", "Sở Nông nghiệp - Môi trường", "Sở NNMT")),
    ("so-tai-nguyen-moi-truong", "Sở Tài nguyên và Môi trường", "department",
     ("Sở Tài nguyên và Môi trường", "Sở Tài nguyên - Môi trường", "Sở Tài nguyên Môi trường")),
    ("so-xay-dung", "Sở Xây dựng", "department", ("Sở Xây dựng", "Sở XD")),
    ("so-giao-thong-van-tai", "Sở Giao thông vận tải", "department",
     ("Sở Giao thông vận tải", "Sở Giao thông - Vận tải", "Sở Giao thông")),
    ("so-khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ", "department",
     ("Sở Khoa học và Công nghệ", "Sở Khoa học - Công nghệ", "Sở KH-CN")),
    ("so-thong-tin-truyen-thong", "Sở Thông tin và Truyền thông", "department",
     ("Sở Thông tin và Truyền thông", "Sở Thông tin - Truyền thông", "Sở TTTT")),
    ("so-lao-dong", "Sở Lao động - Thương binh và Xã hội", "department",
     ("Sở Lao động - Thương binh và Xã hội", "Sở Lao động, Thương binh và Xã hội", "Sở LĐ, TB&XH")),
    ("so-van-hoa", "Sở Văn hóa, Thể thao và Du lịch", "department",
     ("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa - Thể thao và Du lịch", "Sở Văn hóa Thể thao và Du lịch",
      "Sở VH-TT&DL", "Sở VHTTDL", "Sở Văn hóa và Thể thao", "Sở Văn hóa, Thể thao")),
    ("so-giao-duc", "Sở Giáo dục và Đào tạo", "department",
     ("Sở Giáo dục và Đào tạo", "Sở Giáo dục - Đào tạo", "Sở Giáo dục")),
    ("so-y-te", "Sở Y tế", "department", ("Sở Y tế",)),
    ("so-dan-toc-ton-giao", "Sở Dân tộc và Tôn giáo", "department",
     ("Sở Dân tộc và Tôn giáo", "Sở Dân tộc - Tôn giáo", "Sở DT&TG", "Sở DTTG")),
    ("ban-dan-toc", "Ban Dân tộc {loc}", "department", ("Ban Dân tộc",)),
    ("so-ngoai-vu", "Sở Ngoại vụ", "department", ("Sở Ngoại vụ",)),
    ("so-du-lich", "Sở Du lịch", "department", ("Sở Du lịch",)),
    ("thanh-tra", "Thanh tra {loc}", "department", ("Thanh tra",)),
    ("van-phong-ubnd", "Văn phòng UBND {loc}", "office",
     ("Văn phòng UBND", "Văn phòng Ủy ban nhân dân", "VP UBND", "Văn phòng", "VP")),
    ("van-phong-doan-dbqh-hdnd", "Văn phòng Đoàn ĐBQH và HĐND {loc}", "office",
     ("Văn phòng Đoàn ĐBQH và HĐND", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân",
      "Văn phòng Đoàn ĐBQH, HĐND", "Văn phòng HĐND")),
    ("ban-quan-ly-kkt", "Ban Quản lý Khu kinh tế {loc}", "department",
     ("Ban Quản lý Khu kinh tế", "Ban Quản lý KKT", "BQL KKT", "Ban QL KKT", "Ban Quản lý các KCN",
      "Ban Quản lý các khu công nghiệp", "Ban Quản lý Khu kinh tế và các khu công nghiệp",
      "Ban Quản lý KKT và các KCN", "Ban Quản lý các Khu công nghiệp")),
)

_PROVINCE_UNITS = (
    ("quan-su", "Bộ Chỉ huy Quân sự {loc}", "military",
     ("Bộ Chỉ huy Quân sự", "Bộ CHQS", "Bộ Chỉ huy QS", "Ban Chỉ huy Quân sự", "Quân sự")),
    ("bien-phong", "Bộ Chỉ huy Bộ đội Biên phòng {loc}", "military",
     ("Bộ Chỉ huy Bộ đội Biên phòng", "Bộ đội Biên phòng", "BĐBP", "Bộ Chỉ huy BĐBP")),
    ("cuc-thue", "Cục Thuế {loc}", "other", ("Cục Thuế", "Thuế")),
    ("cuc-thong-ke", "Cục Thống kê {loc}", "other", ("Cục Thống kê", "Chi cục Thống kê")),
    ("bhxh", "Bảo hiểm xã hội {loc}", "other", ("Bảo hiểm xã hội", "BHXH")),
    ("ngan-hang-nha-nuoc", "Ngân hàng Nhà nước chi nhánh {loc}", "other",
     ("Ngân hàng Nhà nước", "Ngân hàng Nhà nước chi nhánh", "NHNN", "NHNN chi nhánh", "Ngân hàng Nhà nước khu vực")),
    ("dai-phat-thanh", "Đài Phát thanh và Truyền hình {loc}", "other",
     ("Đài Phát thanh và Truyền hình", "Đài PT-TH", "Đài PTTH", "Đài Phát thanh - Truyền hình")),
)
_PARTY = {"tỉnh": "Tỉnh ủy", "thành phố": "Thành ủy"}
_YOUTH = {"tỉnh": "Tỉnh đoàn", "thành phố": "Thành đoàn"}


def units(locality_kind: str) -> list:
    word = "thành phố" if locality_kind.startswith("thành phố") else "tỉnh"
    party = ("dang-uy", _PARTY[word], "other",
             (*_PARTY.values(), *(f"Ban Thường vụ {name}" for name in _PARTY.values()), "Đảng ủy"))
    youth = ("doan-thanh-nien", "Đoàn Thanh niên {loc}", "mass_org",
             (*_YOUTH.values(), "Đoàn Thanh niên", "Đoàn TN", "ĐTN", "Đoàn TNCS Hồ Chí Minh"))
    return [*DEPARTMENTS, *SHARED, *_PROVINCE_UNITS, party, youth]


_DEPARTMENT_GROUP = ("cac-so-nganh", "Các sở, ban, ngành", "unit",
                     ("các sở, ban, ngành", "các sở, ngành", "các sở ban ngành", "sở, ban, ngành", "các sở",
                      "các sở, ban, ngành cấp tỉnh", "các sở, ban, ngành, đơn vị", "các Sở, ngành, đơn vị",
                      "các sở, ngành cấp tỉnh", "các sở, ban ngành"))
_DISTRICTS = ("ubnd-cac-huyen", "UBND các huyện, thị xã, thành phố", "district",
              ("UBND các huyện, thị xã, thành phố", "UBND các huyện, thành phố, thị xã", "UBND các huyện, thị, thành",
               "UBND các huyện, thị xã, TP", "các huyện, thị xã, thành phố", "UBND cấp huyện", "UBND các quận, huyện",
               "UBND các quận, huyện, thị xã", "UBND các huyện, thành phố", "UBND các huyện", "các huyện, thị, thành",
               "các huyện, thành phố, thị xã", "UBND các huyện, thị xã"))
# Since 1 July 2025 a province's communes report straight to it.
_COMMUNES = ("ubnd-cac-xa", "UBND các xã, phường, đặc khu", "commune",
             ("UBND các xã, phường, đặc khu", "UBND các xã, phường", "UBND các phường, xã", "UBND cấp xã",
              "các xã, phường", "các xã, phường, đặc khu", "UBND các xã, phường, thị trấn", "UBND xã, phường"))


def groups(locality_kind: str) -> list:
    return [*SHARED_GROUPS, _DEPARTMENT_GROUP, _DISTRICTS, _COMMUNES]
