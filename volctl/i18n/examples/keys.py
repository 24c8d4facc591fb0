"""Examples: ``volctl keys …``."""

EXAMPLES = {
    "keys": (
        """
        生成本名册的密钥，并把公钥发给街道：
        $ volctl keys init
        $ volctl keys show
        记下街道的公钥：
        $ volctl keys trust 当湖街道 age1…
        """,
        """
        Give this roster its keys, and send the public key to the street office:
        $ volctl keys init
        $ volctl keys show
        Record the street office's public key:
        $ volctl keys trust 当湖街道 age1…
        """,
    ),
    "keys init": (
        """
        生成本名册的密钥（只需一次）：
        $ volctl keys init
        换一对新密钥（旧的停用）：
        $ volctl keys init --rotate
        """,
        """
        Give this roster its keys (once):
        $ volctl keys init
        Replace them with new ones (the old ones retired):
        $ volctl keys init --rotate
        """,
    ),
    "keys show": (
        """
        显示公钥和指纹（电话核对指纹）：
        $ volctl keys show
        显示为二维码，供手机扫描：
        $ volctl keys show --qr
        """,
        """
        Show the public key and its fingerprint (compare the fingerprint by phone):
        $ volctl keys show
        As a QR code, for a phone to scan:
        $ volctl keys show --qr
        """,
    ),
    "keys trust": (
        """
        记下一个单位的公钥：
        $ volctl keys trust 当湖街道 age1…
        对方换了密钥：
        $ volctl keys trust 当湖街道 age1… --replace
        """,
        """
        Record an office's public key:
        $ volctl keys trust 当湖街道 age1…
        The office changed its key:
        $ volctl keys trust 当湖街道 age1… --replace
        """,
    ),
    "keys list": (
        """
        本名册的密钥和信任的公钥：
        $ volctl keys list
        以 JSON 给脚本使用：
        $ volctl keys list --format json
        """,
        """
        This roster's key and the public keys it trusts:
        $ volctl keys list
        As JSON, for a script:
        $ volctl keys list --format json
        """,
    ),
    "keys revoke": (
        """
        吊销一个单位的公钥（此后拒收它签名的数据包）：
        $ volctl keys revoke 当湖街道
        吊销后核对名单：
        $ volctl keys list
        """,
        """
        Revoke an office's public key (bundles it signed are refused from now on):
        $ volctl keys revoke 当湖街道
        Then check the list:
        $ volctl keys list
        """,
    ),
}
