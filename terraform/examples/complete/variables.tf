variable "region" {
  description = "AWS region to deploy to."
  type        = string
  default     = "eu-west-1"
}

variable "name_prefix" {
  description = "Prefix of every resource name."
  type        = string
  default     = "quayside"
}

variable "bundle_path" {
  description = "The functions bundle built with ./mvnw -Plambda package."
  type        = string
  default     = "../../../functions/target/function.zip"
}

variable "runtime_kind" {
  description = "native or jvm."
  type        = string
  default     = "native"
}

variable "alertmanager_url" {
  description = "Alertmanager's base URL, where the forward function posts alerts; null: they are only logged."
  type        = string
  default     = null
}
