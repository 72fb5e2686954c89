import { emailField, newPasswordField, requiredText, withConfirmation, z } from "~/domain/kernel/validation";

// One schema per form, shared by the action (server) and the form (browser).

export const registerSchema = withConfirmation({ name: requiredText(100), email: emailField });

export const loginSchema = z.object({
  email: emailField,
  password: z.string().min(1).max(200),
  redirectTo: z.string().max(500).optional(),
});

export const forgotSchema = z.object({ email: emailField });

export const resetSchema = withConfirmation({ token: z.string().min(1).max(200) });

export const changePasswordSchema = withConfirmation({ currentPassword: z.string().min(1).max(200) });

export const acceptStaffSchema = resetSchema;
export const acceptOrgNewUserSchema = withConfirmation({ token: z.string().min(1).max(200), name: requiredText(100) });

export { newPasswordField };
