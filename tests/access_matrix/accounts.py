"""Who may use each account URL (see tests/access_matrix/plans.py for the format).

public: reachable without logging in. personal: any logged-in user acting on their own account (viewers too).
Everything else here is the office's account management: viewers and unit officers are refused.
"""
ACCESS = {
    "login": {"read_only": True, "public": True},
    "logout": {"read_only": True, "public": True, "method": "post", "redirects": True},
    "password_reset": {"read_only": True, "public": True},
    "password_reset_done": {"read_only": True, "public": True},
    "password_reset_confirm": {"read_only": True, "public": True,
                               "kwargs": lambda w: {"uidb64": "MQ", "token": "khong-hop-le"}},
    "password_reset_complete": {"read_only": True, "public": True},
    "password_change": {"read_only": False, "personal": True},
    "password_change_done": {"read_only": True},
    "account_list": {"read_only": False},
    "account_create": {"read_only": False},
    "account_detail": {"read_only": False, "kwargs": lambda w: {"pk": w.account.pk}},
    "account_toggle_active": {"read_only": False, "method": "post", "kwargs": lambda w: {"pk": w.account.pk}},
    "account_reset_password": {"read_only": False, "method": "post", "kwargs": lambda w: {"pk": w.account.pk}},
    "account_unlock": {"read_only": False, "method": "post", "kwargs": lambda w: {"pk": w.account.pk}},
    # Issue 15: the trivial signed-in page bench/peak.py measures against; holds no commune's data.
    "health": {"read_only": True},
}
