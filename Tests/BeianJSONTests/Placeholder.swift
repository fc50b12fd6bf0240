import Testing
import BeianJSON
