variable "name_prefix" {
  description = "Prefix of every queue name, e.g. quayside-prod."
  type        = string
}

variable "queues" {
  description = "The queues to create; each gets a dead-letter queue."
  type        = set(string)
  default     = ["samples", "events", "alerts"]
}

variable "max_receive_count" {
  description = "Receives after which a message that keeps failing moves to its dead-letter queue."
  type        = number
  default     = 5
}

variable "visibility_timeout_seconds" {
  description = "At least six times the consuming function's timeout, as AWS advises for event source mappings."
  type        = number
  default     = 180
}

variable "message_retention_seconds" {
  description = "How long an unconsumed message is kept."
  type        = number
  default     = 345600
}

variable "dlq_retention_seconds" {
  description = "How long a dead letter is kept for inspection and redrive."
  type        = number
  default     = 1209600
}

variable "kms_key_id" {
  description = "KMS key for the queues; empty for SQS-managed encryption (SSE-SQS)."
  type        = string
  default     = ""
}

variable "tags" {
  description = "Tags for every queue."
  type        = map(string)
  default     = {}
}
