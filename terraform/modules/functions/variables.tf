variable "name_prefix" {
  description = "Prefix of every function, role and rule name, e.g. quayside-prod."
  type        = string
}

variable "bundle_path" {
  description = "The functions bundle: functions/target/function.zip from ./mvnw -Plambda package (add -Pnative for a native bundle)."
  type        = string
}

variable "runtime_kind" {
  description = "native (the bundle holds a GraalVM executable: provided.al2023) or jvm (java_runtime)."
  type        = string
  default     = "native"
  validation {
    condition     = contains(["native", "jvm"], var.runtime_kind)
    error_message = "runtime_kind must be native or jvm."
  }
}

variable "java_runtime" {
  description = "The Lambda Java runtime when runtime_kind is jvm."
  type        = string
  default     = "java21"
  validation {
    condition     = contains(["java17", "java21"], var.java_runtime)
    error_message = "java_runtime must be java17 or java21."
  }
}

variable "architecture" {
  description = "x86_64 or arm64 (a native bundle must be built for it)."
  type        = string
  default     = "x86_64"
}

variable "memory_mb" {
  description = "Memory of each function; CPU grows with it."
  type        = number
  default     = 512
}

variable "timeout_seconds" {
  description = "Timeout of each function; the queues' visibility timeout should be six times this."
  type        = number
  default     = 30
}

variable "queue_arns" {
  description = "Queue ARN by kind (samples, events, alerts), from the queues module."
  type        = map(string)
}

variable "queue_urls" {
  description = "Queue URL by kind (samples, events, alerts), from the queues module; given to the functions that send to them."
  type        = map(string)
}

variable "table_arns" {
  description = "Table ARN by name (registry, latest, windows, tenants), from the tables module."
  type        = map(string)
}

variable "table_names" {
  description = "Table name by name, from the tables module; given to the functions as settings."
  type        = map(string)
}

variable "alertmanager_url" {
  description = "Alertmanager's base URL (e.g. https://alertmanager.example.com), where forward posts the alerts; null: forward only logs them."
  type        = string
  default     = null
}

variable "evaluation_schedule" {
  description = "How often rules are evaluated (an EventBridge schedule expression)."
  type        = string
  default     = "rate(1 minute)"
}

variable "log_retention_days" {
  description = "How long the functions' logs are kept."
  type        = number
  default     = 14
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
