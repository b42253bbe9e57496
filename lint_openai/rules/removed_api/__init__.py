"""OAI1xx: the v0 SDK surface removed in openai>=1.0, and names the v1 SDK does not have."""

from __future__ import annotations

from lint_openai.rules.removed_api.legacy_completions_endpoint import LegacyCompletionsEndpoint
from lint_openai.rules.removed_api.module_base_url_without_slash import ModuleBaseUrlWithoutSlash
from lint_openai.rules.removed_api.non_exception_in_except import NonExceptionInExcept
from lint_openai.rules.removed_api.nonexistent_client_attribute import NonexistentClientAttribute
from lint_openai.rules.removed_api.nonexistent_sdk_import import NonexistentSdkImport
from lint_openai.rules.removed_api.proxies_argument import ProxiesArgument
from lint_openai.rules.removed_api.removed_call_argument import RemovedCallArgument
from lint_openai.rules.removed_api.removed_error_module import RemovedErrorModule
from lint_openai.rules.removed_api.removed_module_setting import RemovedModuleSetting
from lint_openai.rules.removed_api.removed_v0_module import RemovedV0Module
from lint_openai.rules.removed_api.removed_v0_resource import RemovedV0Resource
from lint_openai.rules.removed_api.sdk_deprecated_method import SdkDeprecatedMethod
from lint_openai.rules.removed_api.sdk_deprecated_parameter import SdkDeprecatedParameter

RULES = (
    RemovedV0Resource(),
    RemovedErrorModule(),
    RemovedModuleSetting(),
    NonexistentClientAttribute(),
    LegacyCompletionsEndpoint(),
    RemovedCallArgument(),
    NonExceptionInExcept(),
    RemovedV0Module(),
    ModuleBaseUrlWithoutSlash(),
    NonexistentSdkImport(),
    SdkDeprecatedMethod(),
    SdkDeprecatedParameter(),
    ProxiesArgument(),
)
