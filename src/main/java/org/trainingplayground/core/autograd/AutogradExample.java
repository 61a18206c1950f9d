package org.trainingplayground.core.autograd;

/**
 * The lesson's first look at autograd, as the engine computed it: {@code x = torch.randn(2, 2,
 * requires_grad=True)}, {@code y = x**2}, {@code z = y.mean()}, {@code z.backward()}. Since z is
 * the mean of the four x², ∂z/∂x = 2x / 4, so {@code grad} should equal x / 2.
 *
 * @param x the four values of x, row by row
 * @param y x squared, as the engine computed it
 * @param z the mean of y
 * @param grad {@code x.grad} after {@code z.backward()}
 * @param yGradFn the name of y's grad_fn as the engine recorded it ({@code PowBackward0})
 * @param zGradFn the name of z's grad_fn ({@code MeanBackward0})
 */
public record AutogradExample(
        float[] x, float[] y, float z, float[] grad, String yGradFn, String zGradFn) {}
